#!/usr/bin/env python3
"""Writes the hostile DOCX and PDF files `vanban lint` must refuse (or read)
in bounded time and memory; cases.tsv says what each must give.

Standard library only. Run from anywhere: `python3 tests/lint-hostile/make.py`.
The files are committed; the Rust and Python tests read them, so neither
needs this script to run.
"""

import io
import os
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
W = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
     'xmlns:v="urn:schemas-microsoft-com:vml"')
SECT = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/></w:sectPr>')
PARA = '<w:p><w:r><w:t>{}</w:t></w:r></w:p>'


class Fixed:
    """Writes entries with a fixed date, so the same script gives the same bytes."""

    def __init__(self, zf):
        self.zf = zf

    def writestr(self, name, data):
        info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
        self.zf.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)


def docx(body, extra=(), numbering=None, styles=None):
    """A minimal package: the body's XML inside w:document/w:body."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        z = Fixed(zf)
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml",
                   f'<?xml version="1.0"?><w:document {W}><w:body>{body}{SECT}</w:body></w:document>')
        if numbering is not None:
            z.writestr("word/numbering.xml",
                       f'<?xml version="1.0"?><w:numbering {W}>{numbering}</w:numbering>')
        if styles is not None:
            z.writestr("word/styles.xml", styles)
        for name, data in extra:
            z.writestr(name, data)
    return out.getvalue()


def pdf(objects, trailer_extra=""):
    """A PDF from object bodies (object 1 is the catalog), with its xref."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R {trailer_extra}>>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)


def stream(data, compress=True, extra=""):
    if compress:
        packed = zlib.compress(data, 9)
        return (f"<< /Length {len(packed)} /Filter /FlateDecode {extra}>>\nstream\n".encode()
                + packed + b"\nendstream")
    return f"<< /Length {len(data)} {extra}>>\nstream\n".encode() + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>"


def one_page(content, font=FONT, compress=True):
    """Catalog, pages, one page with `content` and font /F1."""
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        stream(content, compress),
        font,
    ])


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def main():
    # DOCX: nesting.
    tables = "".join("<w:tbl><w:tr><w:tc>" for _ in range(5000)) + PARA.format("x") + \
        "".join("</w:tc></w:tr></w:tbl>" for _ in range(5000))
    write("nested-tables-5000.docx", docx(tables))
    tables = "".join("<w:tbl><w:tr><w:tc>" for _ in range(80)) + PARA.format("x") + \
        "".join("</w:tc></w:tr></w:tbl>" for _ in range(80))
    write("nested-tables-80.docx", docx(tables))
    deep_styles = ('<?xml version="1.0"?><w:styles ' + W + '>' + "<w:x>" * 20000
                   + "</w:x>" * 20000 + "</w:styles>")
    write("nested-elements-20000.docx", docx(PARA.format("x"), styles=deep_styles))
    inner = PARA.format("centre")
    for level in range(25):
        inner = ('<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent>'
                 + inner + PARA.format(f"box {level}")
                 + '</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>')
    write("nested-text-boxes-25.docx", docx(inner))
    # DOCX: numbering.
    numbering = ('<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="4294967295"/>'
                 '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    item = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>'
    write("numbering-start-huge.docx", docx(item * 3, numbering=numbering))
    numbering = numbering.replace("4294967295", "32767")
    write("numbering-start-32767.docx", docx(item * 2000, numbering=numbering))
    # DOCX: inflation.
    bomb = b"\0" * (256 << 20)
    write("zip-bomb-unused-part.docx", docx(PARA.format("x"), extra=[("word/media/image1.png", bomb)]))
    spaces = " " * (200 << 20)
    body = PARA.format("x").replace("<w:t>x", "<w:t>x" + spaces)
    write("zip-bomb-document.docx", docx(body))
    # PDF: content.
    write("q-nesting-10m.pdf", one_page(b"q " * 10_000_000))
    write("q-nesting-100.pdf", one_page(b"q " * 100 + b"Q " * 100))
    write("operators-2m.pdf", one_page(b"q Q " * 1_000_000))
    write("content-bomb.pdf", one_page(b" " * (100 << 20)))
    write("array-nesting.pdf", one_page(b"[" * 100_000 + b"] Tj"))
    # PDF: fonts.
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange\n"
            b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange\n"
            b"endcmap CMapName currentdict /CMap defineresource pop end end\n")
    text = b"BT /F1 12 Tf 72 700 Td (Hello) Tj ET"
    write("tounicode-bomb.pdf", pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        stream(text),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /ToUnicode 6 0 R >>",
        stream(cmap),
    ]))
    ranges = b" ".join(b"0 65535 500" for _ in range(20_000))
    write("width-ranges-20k.pdf", pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        stream(b"BT /F1 12 Tf 72 700 Td <00480065> Tj ET"),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Times /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Times /W [" + ranges + b"] >>",
    ]))
    # PDF: a page tree whose kids repeat (2^40 pages).
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    levels = 40
    for level in range(levels):
        kid = level + 3
        objects.append(f"<< /Type /Pages /Kids [{kid} 0 R {kid} 0 R] /Count 2 >>".encode())
    objects.append(f"<< /Type /Page /MediaBox [0 0 595 842] /Contents {levels + 3} 0 R >>".encode())
    objects.append(stream(b"BT ET"))
    write("page-tree-bomb.pdf", pdf(objects))
    # PDF: encrypted (the standard security handler, RC4 40-bit).
    write("encrypted.pdf", pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        stream(b"garbled", compress=False),
        b"<< /Filter /Standard /V 1 /R 2 /O <" + b"00" * 32 + b"> /U <" + b"00" * 32
        + b"> /P -44 >>",
    ], trailer_extra="/Encrypt 5 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] "))


if __name__ == "__main__":
    main()
