"""Side by side: the seed plan (Kế hoạch 1026/KH-VP, 4 pages) rendered by
vanban and by its peers in one run, on one machine, each in-process in its
own Python process (so each peak RSS is its own).

    python benches/peers/peers.py [--seconds 2] [--rounds 3] [--only NAME …]

Prints ms/doc, docs/s, bytes and peak RSS per tool and the ratio to vanban
(PDF peers against vanban's PDF, DOCX peers against its DOCX). A peer that is
not installed is skipped with a note (`benches/peers/run.sh --install`
installs them). Not a test: figures depend on the machine and its load.
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PLAN = ROOT / "examples" / "ke-hoach-1026.yaml"
SEED = ROOT / "tests" / "seed" / "ke-hoach-1026-KH-VP.txt"


def seed():
    """The seed's printed text, in the parts each peer lays out."""
    lines = [l.strip() for l in SEED.read_text(encoding="utf-8").splitlines()]
    paras = [l for l in lines if l]
    title_at = paras.index("KẾ HOẠCH")
    received_at = paras.index("Nơi nhận:")
    return {
        "parent": "UBND TỈNH TÂY NINH",
        "issuer": "VĂN PHÒNG",
        "number": paras[0],
        "date": paras[1],
        "title": paras[title_at],
        "summary": paras[title_at + 1],
        "body": paras[title_at + 2:received_at],
        "recipients": [p for p in paras[received_at + 1:] if p.startswith("- ")],
        "drafter": "T.Dung",
        "signer_title": "CHÁNH VĂN PHÒNG",
        "signer_name": "Đoàn Minh Long",
    }


# Each maker returns (format, render): render() gives one document's bytes.

def make_vanban_docx(work):
    import vanban
    doc = vanban.Document.from_file(PLAN)
    return "DOCX", doc.to_docx


def make_vanban_pdf(work):
    import vanban
    doc = vanban.Document.from_file(PLAN)
    return "PDF", doc.to_pdf


def make_docxtpl(work):
    from docxtpl import DocxTemplate
    template = work / "template.docx"
    write_docxtpl_template(template)
    context = seed()

    def render():
        tpl = DocxTemplate(template)
        tpl.render(context)
        out = work / "docxtpl.docx"
        tpl.save(out)
        return out.read_bytes()
    return "DOCX", render


def write_docxtpl_template(path):
    """A docxtpl template of the seed's layout: header table, title, a
    paragraph loop for the body, recipients beside the signature."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, Mm
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(14)
    header = doc.add_table(rows=1, cols=2)
    left, right = header.rows[0].cells
    left.paragraphs[0].text = "{{ parent }}"
    left.add_paragraph("{{ issuer }}").runs[0].bold = True
    left.add_paragraph("{{ number }}")
    right.paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold = True
    right.add_paragraph().add_run("Độc lập - Tự do - Hạnh phúc").bold = True
    right.add_paragraph().add_run("{{ date }}").italic = True
    for p in doc.add_paragraph().add_run("{{ title }}"), doc.add_paragraph().add_run("{{ summary }}"):
        p.bold = True
    doc.add_paragraph("{%p for p in body %}")
    body = doc.add_paragraph("{{ p }}")
    body.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    body.paragraph_format.first_line_indent = Mm(10)
    doc.add_paragraph("{%p endfor %}")
    footer = doc.add_table(rows=1, cols=2)
    left, right = footer.rows[0].cells
    left.paragraphs[0].add_run("Nơi nhận:").bold = True
    left.add_paragraph("{%p for r in recipients %}")
    left.add_paragraph("{{ r }}")
    left.add_paragraph("{%p endfor %}")
    left.add_paragraph("{{ drafter }}")
    right.paragraphs[0].add_run("{{ signer_title }}").bold = True
    right.add_paragraph().add_run("{{ signer_name }}").bold = True
    doc.save(path)


def make_python_docx(work):
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, Mm
    import io
    s = seed()

    def render():
        doc = Document()
        section = doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin, section.right_margin = Mm(30), Mm(15)
        doc.styles["Normal"].font.name = "Times New Roman"
        doc.styles["Normal"].font.size = Pt(14)
        header = doc.add_table(rows=1, cols=2)
        left, right = header.rows[0].cells
        left.paragraphs[0].text = s["parent"]
        left.add_paragraph().add_run(s["issuer"]).bold = True
        left.add_paragraph(s["number"])
        right.paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold = True
        right.add_paragraph().add_run("Độc lập - Tự do - Hạnh phúc").bold = True
        right.add_paragraph().add_run(s["date"]).italic = True
        doc.add_paragraph().add_run(s["title"]).bold = True
        doc.add_paragraph().add_run(s["summary"]).bold = True
        for text in s["body"]:
            p = doc.add_paragraph(text)
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            p.paragraph_format.first_line_indent = Mm(10)
        footer = doc.add_table(rows=1, cols=2)
        left, right = footer.rows[0].cells
        left.paragraphs[0].add_run("Nơi nhận:").bold = True
        for r in s["recipients"]:
            left.add_paragraph(r)
        right.paragraphs[0].add_run(s["signer_title"]).bold = True
        right.add_paragraph().add_run(s["signer_name"]).bold = True
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()
    return "DOCX", render


def make_typst(work):
    import typst
    source = work / "seed.typ"
    source.write_text(typst_source(), encoding="utf-8")
    fonts = ROOT / "crates" / "vanban" / "fonts"
    # The compiler kept between documents, as a service would; each
    # document has its own number (typst would otherwise return the last
    # one from its cache).
    compiler = typst.Compiler(str(source), font_paths=[str(fonts)])
    count = iter(range(1, 10**9))
    return "PDF", lambda: compiler.compile(format="pdf", sys_inputs={"n": str(next(count))})


def typst_source():
    """The seed as Typst markup (template in benches/peers/seed.typ, text
    from tests/seed)."""
    s = seed()
    template = (HERE / "seed.typ").read_text(encoding="utf-8")

    def esc(text):
        for ch in "\\#$*_`@<[]~/=-+":
            text = text.replace(ch, "\\" + ch)
        return text
    body = "\n\n".join(esc(p) for p in s["body"])
    recipients = " \\\n".join(esc(r) for r in s["recipients"])
    fields = {k: esc(v) for k, v in s.items() if isinstance(v, str)}
    fields["number"] = 'Số: #sys.inputs.at("n", default: "1026")\\/KH-VP'
    return template.format(body=body, recipients=recipients, **fields)


def make_reportlab(work):
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table
    import io
    fonts = ROOT / "crates" / "vanban" / "fonts"
    pdfmetrics.registerFont(TTFont("Serif", str(fonts / "LiberationSerif-Regular.ttf")))
    pdfmetrics.registerFont(TTFont("Serif-Bold", str(fonts / "LiberationSerif-Bold.ttf")))
    s = seed()
    base = ParagraphStyle("base", fontName="Serif", fontSize=14, leading=17)
    centre = ParagraphStyle("centre", parent=base, alignment=TA_CENTER)
    bold = ParagraphStyle("bold", parent=centre, fontName="Serif-Bold")
    body = ParagraphStyle("body", parent=base, alignment=TA_JUSTIFY, firstLineIndent=10 * mm,
                          spaceBefore=6)

    def render():
        out = io.BytesIO()
        doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=30 * mm, rightMargin=15 * mm,
                                topMargin=20 * mm, bottomMargin=20 * mm)
        story = [Table([[[Paragraph(s["parent"], centre), Paragraph(s["issuer"], bold),
                          Paragraph(s["number"], centre)],
                         [Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold),
                          Paragraph("Độc lập - Tự do - Hạnh phúc", bold),
                          Paragraph(s["date"], centre)]]]),
                 Paragraph(s["title"], bold), Paragraph(s["summary"], bold)]
        story += [Paragraph(p, body) for p in s["body"]]
        story.append(Table([[[Paragraph("Nơi nhận:", base)] +
                             [Paragraph(r, base) for r in s["recipients"]],
                             [Paragraph(s["signer_title"], bold),
                              Paragraph(s["signer_name"], bold)]]]))
        doc.build(story)
        return out.getvalue()
    return "PDF", render


def make_libreoffice(work):
    """DOCX → PDF with a cold LibreOffice: a fresh process and profile per
    document, as a script calling `soffice --convert-to pdf` has."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise ImportError("soffice is not installed")
    import vanban
    docx = work / "seed.docx"
    docx.write_bytes(vanban.Document.from_file(PLAN).to_docx())
    runs = [0]

    def render():
        runs[0] += 1
        profile = work / f"profile-{runs[0]}"
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(work), str(docx)],
                       check=True, capture_output=True, timeout=120)
        shutil.rmtree(profile, ignore_errors=True)
        return (work / "seed.pdf").read_bytes()
    return "PDF", render


PEERS = {
    "vanban-docx": ("vanban", make_vanban_docx),
    "vanban-pdf": ("vanban", make_vanban_pdf),
    "docxtpl": ("docxtpl", make_docxtpl),
    "python-docx": ("python-docx", make_python_docx),
    "typst": ("typst", make_typst),
    "reportlab": ("reportlab", make_reportlab),
    "libreoffice-cold": ("LibreOffice (soffice)", make_libreoffice),
}


def measure(name, seconds):
    """One tool in this process: warm up, then render for about `seconds`
    (at least 3 documents); the median time per document."""
    with tempfile.TemporaryDirectory() as tmp:
        fmt, render = PEERS[name][1](Path(tmp))
        size = len(render())
        for _ in range(2 if name != "libreoffice-cold" else 0):
            render()
        times = []
        deadline = time.perf_counter() + seconds
        while len(times) < 3 or (time.perf_counter() < deadline and len(times) < 5000):
            start = time.perf_counter()
            render()
            times.append(time.perf_counter() - start)
        times.sort()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        if name == "libreoffice-cold":
            rss = max(rss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        return {"format": fmt, "ms": 1000 * times[len(times) // 2], "bytes": size,
                "rss_mib": rss / 1024, "runs": len(times)}


def version(name):
    from importlib import metadata
    package = {"vanban-docx": "vanban", "vanban-pdf": "vanban",
               "libreoffice-cold": None}.get(name, name)
    if package is None:
        out = subprocess.run([shutil.which("soffice") or "soffice", "--version"],
                             capture_output=True, text=True)
        return " ".join(out.stdout.split()[1:2])
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "?"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--rounds", type=int, default=3,
                        help="every tool runs once per round, in turn; each keeps its best round")
    parser.add_argument("--only", nargs="*")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.seconds)))
        return
    names = args.only or list(PEERS)
    # Rounds, the tools in turn: on a machine shared with other work, a burst
    # of load then spoils one round of every tool, not all of one tool.
    results = {}
    skipped = set()
    for _ in range(args.rounds):
        for name in names:
            if name in skipped:
                continue
            run = subprocess.run([sys.executable, __file__, "--one", name,
                                  "--seconds", str(args.seconds)], capture_output=True, text=True)
            if run.returncode != 0:
                last = (run.stderr.strip().splitlines() or ["failed"])[-1]
                print(f"skipped {name}: {last}", file=sys.stderr)
                skipped.add(name)
                continue
            result = json.loads(run.stdout)
            if name not in results or result["ms"] < results[name]["ms"]:
                results[name] = result
                results[name]["version"] = version(name)
    base = {r["format"]: r["ms"] for n, r in results.items() if n.startswith("vanban")}
    print(f"{'tool':<18}{'version':<10}{'format':<7}{'ms/doc':>9}{'docs/s':>9}"
          f"{'bytes':>9}{'peak RSS':>10}{'vanban is':>11}")
    for name, r in results.items():
        ratio = r["ms"] / base[r["format"]] if r["format"] in base else float("nan")
        shown = "" if name.startswith("vanban") else f"{ratio:.1f}×"
        print(f"{name:<18}{r['version']:<10}{r['format']:<7}{r['ms']:>9.2f}{1000 / r['ms']:>9.0f}"
              f"{r['bytes']:>9}{r['rss_mib']:>8.1f} M{shown:>11}")
    print(f"({os.cpu_count()} cores; each tool's median document time, best of {args.rounds} rounds;"
          " in-process, one document at a time)")


if __name__ == "__main__":
    main()
