//! Where each signature of a document vanban renders stands (spec §2.7,
//! §2.8): the signer's at the signature picture's place between title and
//! name (or, with no picture, over that gap), the office's at the seal
//! picture's place over the signature's left third. The places come from
//! the composition ([`vanban_pdf::signature_places`]); the pictures become
//! the signatures' appearances, so the page itself is rendered without
//! them ([`without_pictures`]) and an unsigned copy never shows them.

use vanban::Document;
use vanban_pdf::{Placed, SignaturePlaces};

use crate::appearance::{Appearance, Rect};
use crate::identity::Identity;
use crate::{Role, SignError, SignOptions, SigningTime};
use vanban_lint::LintLimits;

/// The signatures made as a document is rendered (`render --sign`,
/// `Document.save(sign=…)`): each key in turn, the first the signer's, the
/// others the office's, all at `time`.
#[derive(Clone, Debug)]
pub struct Signing {
    pub keys: Vec<(Role, Identity)>,
    pub time: SigningTime,
}

impl Signing {
    /// The first key signs as the signer, every later one as the office.
    pub fn in_order(identities: Vec<Identity>, time: SigningTime) -> Signing {
        let keys = identities
            .into_iter()
            .enumerate()
            .map(|(i, id)| (if i == 0 { Role::Signer } else { Role::Office }, id))
            .collect();
        Signing { keys, time }
    }
}

/// `doc` without its signature and seal pictures: the page a signed PDF is
/// rendered from. The gap keeps its height (it never depends on the
/// pictures), so every place stays where the composition put it.
pub fn without_pictures(doc: &Document) -> Document {
    let mut bare = doc.clone();
    bare.signer.signature_image = None;
    bare.seal = None;
    bare
}

fn rect(placed: &Placed) -> Rect {
    let r = placed.rect;
    Rect {
        x0: r.x,
        y0: r.y,
        x1: r.x + r.width,
        y1: r.y + r.height,
    }
}

/// What `role`'s signature shows on a PDF rendered from `doc`, `places`
/// being its composition's: the signer's signature picture at its place
/// (no picture: a field over the gap, drawing nothing); the seal picture at
/// its place for the office (no seal: invisible). A later office signature
/// (`office-2`) is invisible: the seal is shown once.
pub fn composed(
    doc: &Document,
    places: &SignaturePlaces,
    role: Role,
    first_of_role: bool,
) -> Appearance {
    let image = |placed: &Placed, png: &[u8]| Appearance::Image {
        page: placed.page + 1,
        rect: rect(placed),
        png: png.to_vec(),
    };
    match role {
        Role::Signer if first_of_role => match (&doc.signer.signature_image, &places.signature) {
            (Some(png), Some(placed)) => image(placed, &png.file),
            _ => match &places.gap {
                Some(gap) => Appearance::Field {
                    page: gap.page + 1,
                    rect: rect(gap),
                },
                None => Appearance::Invisible,
            },
        },
        Role::Office if first_of_role => match (&doc.seal, &places.seal) {
            (Some(seal), Some(placed)) => image(placed, &seal.image.file),
            _ => Appearance::Invisible,
        },
        _ => Appearance::Invisible,
    }
}

/// Signs `pdf`, rendered from [`without_pictures`]`(doc)`, with every key
/// of `signing`, each appearance where the composition (`places`, of `doc`
/// itself) put it.
pub fn sign_composed(
    pdf: Vec<u8>,
    doc: &Document,
    places: &SignaturePlaces,
    signing: &Signing,
) -> Result<Vec<u8>, SignError> {
    let mut pdf = pdf;
    for (i, (role, identity)) in signing.keys.iter().enumerate() {
        let first_of_role = !signing.keys[..i].iter().any(|(r, _)| r == role);
        let options = SignOptions {
            role: *role,
            time: signing.time,
            appearance: composed(doc, places, *role, first_of_role),
            limits: LintLimits::default(),
        };
        pdf = crate::sign(&pdf, identity, &options)?;
    }
    Ok(pdf)
}

/// The /Producer vanban writes into its PDFs.
const VANBAN_PRODUCER: &str = "vanban-pdf (printpdf)";

/// A PDF text string: UTF-16BE after its byte-order mark, else bytes.
fn text_string(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// Where `vanban sign` puts `role`'s signature on a PDF made elsewhere than
/// at render time. On a PDF vanban rendered (its /Producer says so) with
/// the signature and seal pictures on its last page that has pictures, the
/// widget goes over the signer's picture (the one reaching furthest right)
/// or the seal (the leftmost other) and draws nothing, the page showing
/// the picture already. Any other PDF: an invisible signature (no
/// composition is known; `vanban sign --image --rect` places one by hand).
pub fn on_the_page(pdf: &[u8], role: Role, limits: &LintLimits) -> Result<Appearance, SignError> {
    let doc = vanban_lint::pdf::load(pdf, limits)?;
    let producer = doc
        .trailer
        .get(b"Info")
        .and_then(lopdf::Object::as_reference)
        .and_then(|id| doc.get_dictionary(id))
        .and_then(|info| info.get(b"Producer"))
        .and_then(lopdf::Object::as_str)
        .map(text_string)
        .unwrap_or_default();
    if producer != VANBAN_PRODUCER {
        return Ok(Appearance::Invisible);
    }
    let read = vanban_lint::read_with(pdf, limits)?;
    let Some(last) = read.pictures.iter().filter_map(|p| p.page).max() else {
        return Ok(Appearance::Invisible);
    };
    let mut near: Vec<_> = read
        .pictures
        .iter()
        .filter(|p| p.page == Some(last))
        .collect();
    near.sort_by(|a, b| (a.x + a.width).total_cmp(&(b.x + b.width)));
    let signature = near.pop();
    near.sort_by(|a, b| a.x.total_cmp(&b.x));
    let picture = match role {
        Role::Signer => signature,
        Role::Office => near.first().copied(),
    };
    let Some(p) = picture else {
        return Ok(Appearance::Invisible);
    };
    let height = read
        .pages
        .iter()
        .rfind(|setup| setup.page <= last)
        .map_or(297.0, |setup| setup.height);
    let pt = 72.0 / 25.4;
    Ok(Appearance::Field {
        page: last,
        rect: Rect {
            x0: p.x * pt,
            y0: (height - p.y - p.height) * pt,
            x1: (p.x + p.width) * pt,
            y1: (height - p.y) * pt,
        },
    })
}
