//! PDF/A-2b (ISO 19005-2, level B): what an archival file needs beyond the
//! PDF vanban always writes (fonts embedded, no encryption, no actions, a
//! trailer /ID): XMP metadata that agrees with the document information
//! (title = the summary, author = the office, the dates) and an sRGB
//! output intent with its ICC profile, so that the device colours the
//! pages use (DeviceRGB, DeviceGray) have a meaning. printpdf's own PDF/A
//! option writes a CMYK print intent and a random XMP instance id, so it
//! is done here, after printpdf.

use lopdf::{Dictionary, Object, Stream, StringFormat};
use vanban::Document;

use crate::bytes::deflate;

/// An sRGB ICC v2 display profile (Little CMS), from Debian's
/// icc-profiles-free, under the zlib licence (`icc/LICENSE.txt`).
pub const SRGB_PROFILE: &[u8] = include_bytes!("../icc/sRGB.icc");

/// Which standard a PDF is written to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Standard {
    /// PDF 1.7 as vanban always writes it.
    #[default]
    Plain,
    /// PDF/A-2b (ISO 19005-2), for the archive.
    PdfA2b,
}

/// Adds the XMP metadata stream (left uncompressed, as readers of the
/// archive expect) and the sRGB output intent to the catalog.
pub fn conform(pdf: &mut lopdf::Document, doc: &Document) {
    let mut icc = Dictionary::new();
    icc.set("N", Object::Integer(3));
    icc.set("Filter", Object::Name(b"FlateDecode".to_vec()));
    let profile = pdf.add_object(Stream::new(icc, deflate(SRGB_PROFILE, 9)));
    let mut intent = Dictionary::new();
    intent.set("Type", Object::Name(b"OutputIntent".to_vec()));
    intent.set("S", Object::Name(b"GTS_PDFA1".to_vec()));
    let literal = |s: &str| Object::String(s.as_bytes().to_vec(), StringFormat::Literal);
    intent.set("OutputConditionIdentifier", literal("sRGB IEC61966-2.1"));
    intent.set("RegistryName", literal("http://www.color.org"));
    intent.set("Info", literal("sRGB IEC61966-2.1"));
    intent.set("DestOutputProfile", Object::Reference(profile));

    let mut meta = Dictionary::new();
    meta.set("Type", Object::Name(b"Metadata".to_vec()));
    meta.set("Subtype", Object::Name(b"XML".to_vec()));
    let metadata = pdf.add_object(Stream::new(meta, xmp(doc).into_bytes()).with_compression(false));

    if let Ok(catalog) = pdf.catalog_mut() {
        catalog.set("Metadata", Object::Reference(metadata));
        catalog.set(
            "OutputIntents",
            Object::Array(vec![Object::Dictionary(intent)]),
        );
    }
}

/// The XMP packet: PDF/A identification, and the document information
/// (`finish::info_dictionary`) again in XMP's terms.
pub fn xmp(doc: &Document) -> String {
    let author = doc.issuer.lines().collect::<Vec<_>>().join(" ");
    let dates = doc.date.map_or(String::new(), |date| {
        let stamp = format!(
            "{:04}-{:02}-{:02}T00:00:00+07:00",
            date.year(),
            date.month(),
            date.day()
        );
        format!(
            "\n   <xmp:CreateDate>{stamp}</xmp:CreateDate>\n   <xmp:ModifyDate>{stamp}</xmp:ModifyDate>"
        )
    });
    format!(
        r#"<?xpacket begin="{bom}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreatorTool>vanban</xmp:CreatorTool>{dates}
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>vanban-pdf (printpdf)</pdf:Producer>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#,
        bom = '\u{feff}',
        title = escape(doc.title()),
        author = escape(&author),
    )
}

/// Text for XML character data.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
