#!/usr/bin/env python3
"""Documents vanban did not make: DOCX written with python-docx the way
clerks write them (a header table, borders or underscores for rules, typed
numbers), and LibreOffice's PDF of each. labels.tsv says which errors each
must raise (none for a conforming one) in the DOCX and in the PDF.

    python3 -m venv target/corpus-venv
    target/corpus-venv/bin/pip install python-docx
    target/corpus-venv/bin/python tests/lint-elsewhere/make.py

`make.py NAME…` writes only the documents named. Needs soffice for the PDFs. The files are committed: the tests read them
and need neither python-docx nor LibreOffice.
"""

import os
import subprocess
import sys
import tempfile
import unicodedata

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

HERE = os.path.dirname(os.path.abspath(__file__))


def base():
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(14)
    style.element.rPr.rFonts.set(qn("w:hAnsi"), "Times New Roman")
    fmt = style.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    return doc


def bottom_border(paragraph):
    """A rule under a paragraph, as Word's Borders button draws it."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)


def widths(table, *cols):
    """Column widths Word and LibreOffice both keep (grid and cells)."""
    table.autofit = False
    for column, width in zip(table.columns, cols):
        column.width = width
        for cell in column.cells:
            cell.width = width


def line(cell_or_doc, text, size=14, bold=False, italic=False, align=WD_ALIGN_PARAGRAPH.CENTER):
    p = cell_or_doc.add_paragraph()
    p.alignment = align
    run = p.add_run(text)
    run.font.size = Pt(size)
    run.bold = bold
    run.italic = italic
    return p


def header(doc, number="05/KH-UBND", date="An Bình, ngày 08 tháng 3 năm 2024", typed=False,
           parent="UBND HUYỆN AN PHÚ", issuer="ỦY BAN NHÂN DÂN XÃ AN BÌNH"):
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths(table, Cm(6.5), Cm(9.5))
    left, right = table.rows[0].cells
    left.paragraphs[0].text = ""
    first = left.paragraphs[0]
    first.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = first.add_run(parent)
    r.font.size = Pt(13)
    issuer = line(left, issuer, 13, bold=True)
    if typed:
        # Rules typed as underscores, as many clerks draw them.
        line(left, "_" * 12, 13, bold=True)
    else:
        # A short rule under the issuer: a bordered empty paragraph indented
        # to a third of the column.
        mark = left.add_paragraph()
        mark.paragraph_format.left_indent = Cm(2.0)
        mark.paragraph_format.right_indent = Cm(2.0)
        bottom_border(mark)
    line(left, f"Số: {number}", 13)
    title = right.paragraphs[0]
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = title.add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    r.font.size = Pt(12)
    r.bold = True
    motto = line(right, "Độc lập - Tự do - Hạnh phúc", 13, bold=True)
    if typed:
        line(right, "_" * 24, 13, bold=True)
    else:
        mark = right.add_paragraph()
        mark.paragraph_format.left_indent = Cm(1.75)
        mark.paragraph_format.right_indent = Cm(1.75)
        bottom_border(mark)
    if date:
        line(right, date, 13, italic=True)
    del issuer, motto


def typed_header(doc):
    """The header typed line by line: left column, a tab, right column
    (a centred tab stop), as many clerks lay it out without a table."""
    rows = [
        (("UBND HUYỆN AN PHÚ", 13, False, False), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, True, False)),
        (("ỦY BAN NHÂN DÂN XÃ AN BÌNH", 13, True, False), ("Độc lập - Tự do - Hạnh phúc", 13, True, False)),
        (("_" * 12, 13, True, False), ("_" * 24, 13, True, False)),
        (("Số: 05/KH-UBND", 13, False, False), ("An Bình, ngày 08 tháng 3 năm 2024", 13, False, True)),
    ]
    for left, right in rows:
        p = doc.add_paragraph()
        p.paragraph_format.tab_stops.add_tab_stop(Cm(11.3), WD_TAB_ALIGNMENT.CENTER)
        for (text, size, bold, italic), tab in ((left, ""), (right, "\t")):
            if tab:
                p.add_run(tab)
            r = p.add_run(text)
            r.font.size = Pt(size)
            r.bold = bold
            r.italic = italic


def body(doc, texts):
    for text in texts:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        fmt = p.paragraph_format
        fmt.first_line_indent = Cm(1.27)
        fmt.space_before = Pt(6)
        fmt.line_spacing = 1.0
        bold, rest = ("", text)
        if text.startswith("Điều ") and "." in text[:10]:
            bold, rest = text.split(".", 1)[0] + ".", text.split(".", 1)[1]
        if bold:
            r = p.add_run(bold)
            r.bold = True
        p.add_run(rest)


def closing(doc, name="Nguyễn Văn An", authority="TM. ỦY BAN NHÂN DÂN", title="CHỦ TỊCH",
            recipients=("- UBND huyện An Phú;", "- Các ban, ngành xã;", "- Lưu: VT, VP.")):
    doc.add_paragraph()
    table = doc.add_table(rows=1, cols=2)
    widths(table, Cm(8), Cm(8))
    left, right = table.rows[0].cells
    p = left.paragraphs[0]
    r = p.add_run("Nơi nhận:")
    r.bold = r.italic = True
    r.font.size = Pt(12)
    for item in recipients:
        line(left, item, 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    p = right.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(authority)
    r.bold = True
    r.font.size = Pt(14)
    line(right, title, 14, bold=True)
    for _ in range(3):
        right.add_paragraph()
    line(right, name, 14, bold=True)


PLAN_BODY = [
    "Thực hiện Kế hoạch số 12/KH-UBND ngày 15 tháng 01 năm 2024 của Ủy ban nhân dân huyện An Phú về công tác chuyển đổi số năm 2024, Ủy ban nhân dân xã An Bình ban hành Kế hoạch thực hiện như sau:",
    "Đẩy mạnh ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước, nâng cao chất lượng phục vụ người dân và doanh nghiệp.",
    "Các ban, ngành, đoàn thể xã căn cứ Kế hoạch này triển khai thực hiện; báo cáo kết quả về Ủy ban nhân dân xã trước ngày 15 tháng 12 năm 2024./.",
]


PLAN_BODY_2026 = [
    "Thực hiện chương trình công tác năm 2026, Ủy ban nhân dân ban hành Kế hoạch chuyển đổi số như sau:",
    PLAN_BODY[1],
    "Các cơ quan, đơn vị căn cứ Kế hoạch này triển khai thực hiện; báo cáo kết quả trước ngày 15 tháng 12 năm 2026./.",
]


def plan(doc, number="05/KH-UBND", name="Nguyễn Văn An", paragraphs=PLAN_BODY,
         typed=False, date="An Bình, ngày 08 tháng 3 năm 2024", tabs=False, unit=None):
    """`unit`: (parent, issuer, recipients) instead of the 2024 commune's."""
    if tabs:
        typed_header(doc)
    elif unit:
        header(doc, number=number, typed=typed, date=date, parent=unit[0], issuer=unit[1])
    else:
        header(doc, number=number, typed=typed, date=date)
    doc.add_paragraph()
    line(doc, "KẾ HOẠCH", 14, bold=True)
    summary = line(doc, "Thực hiện chuyển đổi số năm 2024", 14, bold=True)
    if typed:
        line(doc, "_" * 12, 14, bold=True)
    else:
        mark = doc.add_paragraph()
        mark.paragraph_format.left_indent = Cm(6.75)
        mark.paragraph_format.right_indent = Cm(6.75)
        bottom_border(mark)
    del summary
    body(doc, paragraphs)
    if unit:
        closing(doc, name=name, recipients=unit[2])
    else:
        closing(doc, name=name)


def nfd(doc):
    """Every run's text decomposed, as Unikey's "Unicode tổ hợp" types it."""
    for p in doc.element.body.iter(qn("w:t")):
        p.text = unicodedata.normalize("NFD", p.text)


def decision(doc, sloppy=False, authority=True):
    header(doc, number="12/QĐ-UBND")
    doc.add_paragraph()
    line(doc, "QUYẾT ĐỊNH", 14, bold=True)
    line(doc, "Về việc thành lập Tổ công tác chuyển đổi số", 14, bold=True)
    mark = doc.add_paragraph()
    mark.paragraph_format.left_indent = Cm(6.75)
    mark.paragraph_format.right_indent = Cm(6.75)
    bottom_border(mark)
    # Sloppy: the authority line not bold, `QUYẾT ĐỊNH:` typed at the left.
    if authority:
        line(doc, "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN BÌNH", 14, bold=not sloppy)
    for basis in (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Theo đề nghị của Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã.",
    ):
        p = line(doc, basis, 14, italic=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        p.paragraph_format.first_line_indent = Cm(1.27)
        p.paragraph_format.space_before = Pt(6)
    p = line(doc, "QUYẾT ĐỊNH:", 14, bold=True,
             align=WD_ALIGN_PARAGRAPH.LEFT if sloppy else WD_ALIGN_PARAGRAPH.CENTER)
    p.paragraph_format.space_before = Pt(6)
    body(doc, [
        "Điều 1. Thành lập Tổ công tác chuyển đổi số của xã An Bình gồm các ông, bà có tên trong danh sách kèm theo Quyết định này, do Chủ tịch Ủy ban nhân dân xã làm Tổ trưởng.",
        "Điều 2. Tổ công tác có nhiệm vụ giúp Ủy ban nhân dân xã chỉ đạo, điều phối các hoạt động chuyển đổi số trên địa bàn xã.",
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã, các thành viên có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
    ])
    closing(doc)


def minutes(doc):
    """A Biên bản as template 1.9 lays it out: no place and date line under
    the tiêu ngữ (the date is in the body), THƯ KÝ and CHỦ TỌA signing."""
    header(doc, number="03/BB-UBND", date=None)
    doc.add_paragraph()
    line(doc, "BIÊN BẢN", 14, bold=True)
    line(doc, "Họp giao ban tháng 3 năm 2024", 14, bold=True)
    mark = doc.add_paragraph()
    mark.paragraph_format.left_indent = Cm(6.75)
    mark.paragraph_format.right_indent = Cm(6.75)
    bottom_border(mark)
    body(doc, [
        "Vào lúc 08 giờ 00 ngày 15 tháng 3 năm 2024, tại trụ sở Ủy ban nhân dân xã An Bình, cuộc họp giao ban tháng 3 năm 2024 được tổ chức với sự tham dự của lãnh đạo và công chức các bộ phận.",
        "Cuộc họp kết thúc vào lúc 10 giờ 30 cùng ngày./.",
    ])
    doc.add_paragraph()
    table = doc.add_table(rows=1, cols=2)
    widths(table, Cm(8), Cm(8))
    left, right = table.rows[0].cells
    for cell, title, name in ((left, "THƯ KÝ", "Phạm Thị Lan"), (right, "CHỦ TỌA", "Lê Văn Cường")):
        p = cell.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = p.add_run(title)
        r.bold = True
        r.font.size = Pt(14)
        for _ in range(3):
            cell.add_paragraph()
        line(cell, name, 14, bold=True)
    left.add_paragraph()
    p = left.add_paragraph()
    r = p.add_run("Nơi nhận:")
    r.bold = r.italic = True
    r.font.size = Pt(12)
    for item in ("- Lãnh đạo UBND xã;", "- Lưu: VT, VP."):
        line(left, item, 11, align=WD_ALIGN_PARAGRAPH.LEFT)


def write(doc, name, pdf=True):
    # `make.py NAME…` writes only those (the others stay as committed).
    if sys.argv[1:] and os.path.splitext(name)[0] not in sys.argv[1:]:
        return
    path = os.path.join(HERE, name)
    doc.save(path)
    if pdf:
        with tempfile.TemporaryDirectory() as profile:
            subprocess.run(
                ["soffice", "--headless", f"-env:UserInstallation=file://{profile}",
                 "--convert-to", "pdf", "--outdir", HERE, path],
                check=True, capture_output=True, timeout=180,
            )


def main():
    doc = base()
    plan(doc)
    write(doc, "ke-hoach.docx")

    doc = base()
    plan(doc, number="5/KH-UBND")
    write(doc, "ke-hoach-so-5.docx")

    doc = base()
    plan(doc, name="TS. Nguyễn Văn An")
    write(doc, "ke-hoach-ts.docx")

    doc = base()
    plan(doc)
    nfd(doc)
    write(doc, "ke-hoach-nfd.docx")

    doc = base()
    long_body = PLAN_BODY[:2] * 18 + PLAN_BODY[2:]
    plan(doc, paragraphs=long_body)
    write(doc, "ke-hoach-no-page-numbers.docx")

    doc = base()
    plan(doc, typed=True)
    write(doc, "ke-hoach-underscores.docx")

    doc = base()
    plan(doc, number="………/KH-UBND", date="An Bình, ngày ….. tháng ….. năm 2024")
    write(doc, "ke-hoach-blank-slots.docx")

    doc = base()
    plan(doc, typed=True, tabs=True)
    write(doc, "ke-hoach-typed-header.docx")

    doc = base()
    decision(doc)
    write(doc, "quyet-dinh.docx")

    doc = base()
    minutes(doc)
    write(doc, "bien-ban.docx")

    doc = base()
    decision(doc, sloppy=True)
    write(doc, "quyet-dinh-sloppy.docx")

    doc = base()
    decision(doc, authority=False)
    write(doc, "quyet-dinh-no-authority.docx")

    # Ink in the margin: the header table pulled 15 mm into the left margin
    # (the templates pull it 6 mm at most).
    doc = base()
    plan(doc)
    doc.tables[0].alignment = WD_TABLE_ALIGNMENT.LEFT
    indent = OxmlElement("w:tblInd")
    indent.set(qn("w:w"), str(int(-15 / 25.4 * 1440)))
    indent.set(qn("w:type"), "dxa")
    doc.tables[0]._tbl.tblPr.append(indent)
    write(doc, "ke-hoach-header-in-margin.docx")

    # The 2025 map (34 provinces, no districts): a commune of An Giang as
    # it is now; the same plan dated 2026 under its old district; and one
    # under a province merged into Tuyên Quang.
    doc = base()
    plan(doc, date="An Phú, ngày 10 tháng 3 năm 2026", paragraphs=PLAN_BODY_2026,
         unit=("UBND TỈNH AN GIANG", "ỦY BAN NHÂN DÂN XÃ AN PHÚ",
               ("- UBND tỉnh An Giang;", "- Các ban, ngành xã;", "- Lưu: VT, VP.")))
    write(doc, "ke-hoach-2026.docx")

    doc = base()
    plan(doc, date="An Phú, ngày 10 tháng 3 năm 2026", paragraphs=PLAN_BODY_2026)
    write(doc, "ke-hoach-2026-huyen.docx")

    doc = base()
    plan(doc, date="Hà Giang, ngày 10 tháng 3 năm 2026", paragraphs=PLAN_BODY_2026,
         unit=("UBND TỈNH HÀ GIANG", "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
               ("- UBND tỉnh Hà Giang;", "- Các phòng, đơn vị thuộc Sở;", "- Lưu: VT, VP.")))
    write(doc, "ke-hoach-2026-ha-giang.docx")


if __name__ == "__main__":
    sys.exit(main())
