#!/usr/bin/env python3
"""Where does LibreOffice break a line? Measures it, a twip at a time.

For each line of text given (one per line of FILE), writes a DOCX of
paragraphs holding that text followed by a long word, each paragraph a twip
narrower than the last around the text's own width, converts it with
LibreOffice and reads which paragraphs kept the text on their first line.
The narrowest such paragraph is LibreOffice's measure of the text (in
twips, to one twip). Beside it: the text's exact advance and its advance
with every glyph rounded to a pixel of an 8640-dpi device, the rule
`vanban::metrics::Font::measure` follows (LAYOUT_PIXELS_PER_POINT).

    python3 scripts/probe-line-fit.py lines.txt [--size 14] [--font PATH]

Needs soffice, pdftotext and fontTools (pip install fonttools). Not a test:
a tool to check the rule against another LibreOffice version.
"""
import argparse
import collections
import os
import subprocess
import tempfile
import zipfile
from xml.sax.saxutils import escape

from fontTools.ttLib import TTFont

# Document defaults as vanban writes them. Without a styles part LibreOffice
# takes its own defaults, pair kerning on, and a line holding a kerning pair
# (`To`, `y,`) gets about 25 pixels more room: probe what vanban writes.
STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" '
    'w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/>'
    '<w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:rPrDefault>'
    "<w:pPrDefault><w:pPr/></w:pPrDefault></w:docDefaults></w:styles>"
)
AVAIL = 9355  # A4, left 30 mm, right 15 mm: 11906 - 1701 - 850 twips.
TAIL = "ZZZZZZZZZZ"


def advances(font_path):
    font = TTFont(font_path)
    cmap, hmtx = font.getBestCmap(), font["hmtx"]
    upem = font["head"].unitsPerEm
    return (lambda c: hmtx[cmap[ord(c)]][0]), upem


def docx(paragraphs, path):
    body = "".join(
        '<w:p><w:pPr><w:spacing w:before="0" w:after="120"/>'
        f'<w:ind w:left="0" w:right="{right}"/><w:jc w:val="left"/></w:pPr>'
        '<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>'
        f'<w:sz w:val="{half_points}"/></w:rPr>'
        f'<w:t xml:space="preserve">{escape(text)} {TAIL}</w:t></w:r></w:p>'
        for text, right, half_points in paragraphs
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
        '<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" '
        'w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>'
    )
    types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    types = types.replace(
        "</Types>",
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>',
    )
    document_rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", document)
        z.writestr("word/_rels/document.xml.rels", document_rels)
        z.writestr("word/styles.xml", STYLES)


def rendered_lines(pdf):
    """Each printed line's text, top to bottom, page after page."""
    html = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True).stdout
    lines = []
    for page in html.split("<page")[1:]:
        rows = collections.defaultdict(list)
        for part in page.split("<word ")[1:]:
            y = float(part.split('yMin="')[1].split('"')[0])
            x = float(part.split('xMin="')[1].split('"')[0])
            rows[round(y, 1)].append((x, part.split(">")[1].split("<")[0]))
        lines += [" ".join(w for _, w in sorted(rows[y])) for y in sorted(rows)]
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file")
    parser.add_argument("--size", type=float, default=14.0)
    parser.add_argument(
        "--font", default="/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"
    )
    args = parser.parse_args()
    advance, upem = advances(args.font)
    em_twips = args.size * 20
    em_pixels = round(args.size * 120)
    texts = [t for t in open(args.file, encoding="utf-8").read().split("\n") if t.strip()]
    paragraphs, sweeps = [], []
    for text in texts:
        exact = sum(advance(c) for c in text) * em_twips / upem
        pixels = sum((2 * advance(c) * em_pixels + upem) // (2 * upem) for c in text)
        widths = range(int(exact) - 4, int(exact) + 6)
        paragraphs += [(text, AVAIL - w, round(args.size * 2)) for w in widths]
        sweeps.append((text, exact, pixels / 6, widths))
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "probe.docx")
        docx(paragraphs, path)
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
             "--convert-to", "pdf", "--outdir", tmp, path],
            capture_output=True,
        )
        lines = iter(rendered_lines(os.path.join(tmp, "probe.pdf")))
    for text, exact, rounded, widths in sweeps:
        narrowest = None
        for width in widths:
            first = next(lines)
            kept = first == text
            while TAIL not in first:
                first = next(lines)
            if kept and narrowest is None:
                narrowest = width
        seen = f"({narrowest - 1}, {narrowest}]" if narrowest else "outside the sweep"
        print(f"{text[:40]:40}  exact {exact:9.2f}  pixels {rounded:9.2f}  LibreOffice {seen}")


if __name__ == "__main__":
    main()
