#!/usr/bin/env python3
"""Documents vanban did not make: DOCX written with python-docx the way
clerks write them (a header table, borders or underscores for rules, typed
numbers), and LibreOffice's PDF of each. labels.tsv says which errors each
must raise (none for a conforming one) in the DOCX and in the PDF.

    python3 -m venv target/corpus-venv
    target/corpus-venv/bin/pip install python-docx docxtpl
    target/corpus-venv/bin/python tests/lint-elsewhere/make.py

`make.py NAME…` writes only the documents named. Needs soffice for the PDFs,
pdftoppm (the scan) and qpdf (the PDF without embedded fonts). The files are committed: the tests read them
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
from docx.shared import Cm, Mm, Pt, RGBColor

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
    if parent:
        r = first.add_run(parent)
        r.font.size = Pt(13)
        issuer = line(left, issuer, 13, bold=True)
    else:
        # A body with no parent authority (an HĐND): the issuer on top.
        r = first.add_run(issuer)
        r.font.size = Pt(13)
        r.bold = True
        issuer = first
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


HEADED_BODY = [
    PLAN_BODY[0],
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Mục đích",
    PLAN_BODY[1],
    "2. Yêu cầu",
    "a) Bảo đảm an toàn thông tin trong quá trình chuyển đổi số.",
    "b) Phân công rõ nhiệm vụ, thời gian hoàn thành.",
    "II. TỔ CHỨC THỰC HIỆN",
    PLAN_BODY[2],
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


def paragraphs(doc):
    """Every paragraph, those in table cells included, in reading order."""
    def walk(container):
        for block in container.iter_inner_content():
            if hasattr(block, "rows"):
                for row in block.rows:
                    for cell in row.cells:
                        yield from walk(cell)
            else:
                yield block
    yield from walk(doc)


def find(doc, start):
    return next(p for p in paragraphs(doc) if p.text.startswith(start))


def restyle(doc, start, size=None, bold=None, italic=None, align=None, color=None, font=None):
    """A clerk's edit of one paragraph: every run of it set the same way."""
    p = find(doc, start)
    for r in p.runs:
        if size is not None:
            r.font.size = Pt(size)
        if bold is not None:
            r.bold = bold
        if italic is not None:
            r.italic = italic
        if color is not None:
            r.font.color.rgb = color
        if font is not None:
            r.font.name = font
    if align is not None:
        p.alignment = align
    return p


def retext(doc, start, text):
    p = find(doc, start)
    for r in p.runs[1:]:
        r._r.getparent().remove(r._r)
    p.runs[0].text = text
    return p


def drop_rule_after(doc, start):
    """Removes the bordered empty paragraph that draws the rule under a line."""
    p = find(doc, start)._p
    rule = p.getnext()
    assert rule.find(".//" + qn("w:pBdr")) is not None
    rule.getparent().remove(rule)


def page_numbers(doc):
    """A PAGE field centred in the header from page 2 (a different first
    page, as the decree asks), 14 pt."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "28")
    rpr.append(size)
    run.append(rpr)
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    p._p.append(field)


def appendix(doc, bold=True, own_section=True):
    """A Phụ lục after the signature: a section of its own on a new page
    whose numbering restarts at 1 (or, sloppy, a page break in the same
    section)."""
    if own_section:
        from docx.enum.section import WD_SECTION
        section = doc.add_section(WD_SECTION.NEW_PAGE)
        numbering = OxmlElement("w:pgNumType")
        numbering.set(qn("w:start"), "1")
        section._sectPr.append(numbering)
    else:
        from docx.enum.text import WD_BREAK
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    line(doc, "Phụ lục", 14, bold=bold)
    line(doc, "DANH SÁCH THÀNH VIÊN TỔ CÔNG TÁC CHUYỂN ĐỔI SỐ", 14, bold=True)
    line(doc, "(Kèm theo Kế hoạch số 05/KH-UBND ngày 08 tháng 3 năm 2024 của Ủy ban nhân dân xã An Bình)", 14, italic=True)
    body(doc, ["Ông Nguyễn Văn An, Chủ tịch Ủy ban nhân dân xã, Tổ trưởng.",
               "Bà Phạm Thị Lan, công chức Văn phòng - Thống kê, thành viên."])


def task_table(doc, colour_row=None):
    """The plan's task table (STT, task, lead unit, deadline) with borders
    on every cell, as Word's "Table Grid" draws it; `colour_row`: a row
    whose task is typed in blue."""
    rows = [
        ("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian"),
        ("1", "Rà soát, chuẩn hóa dữ liệu dân cư trên địa bàn xã", "Công an xã", "Quý II/2024"),
        ("2", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Văn phòng - Thống kê", "Quý III/2024"),
        ("3", "Tuyên truyền sử dụng dịch vụ công trực tuyến", "Văn hóa - Xã hội", "Cả năm"),
    ]
    table = doc.add_table(rows=len(rows), cols=4)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths(table, Cm(1.5), Cm(7.5), Cm(4.0), Cm(3.0))
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            p = table.rows[r].cells[c].paragraphs[0]
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER if c != 1 else WD_ALIGN_PARAGRAPH.LEFT
            run = p.add_run(text)
            run.font.size = Pt(13)
            run.bold = r == 0
            if r == colour_row and c == 1:
                run.font.color.rgb = RGBColor(0x00, 0x00, 0xFF)


def plan_with_table(doc, colour_row=None):
    """A plan whose body holds its task table between two paragraphs."""
    plan(doc, paragraphs=PLAN_BODY[:2])
    # The table and the closing paragraph go before the signature table.
    closing_table = doc.tables[-1]._tbl
    blank = closing_table.getprevious()
    task_table(doc, colour_row)
    body(doc, PLAN_BODY[2:])
    for element in (doc.tables[-1]._tbl, doc.paragraphs[-1]._p):
        blank.addprevious(element)


BASES = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Theo đề nghị của Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã.",
)

ARTICLES = [
    "Điều 1. Thành lập Tổ công tác chuyển đổi số của xã An Bình gồm các ông, bà có tên trong danh sách kèm theo Quyết định này, do Chủ tịch Ủy ban nhân dân xã làm Tổ trưởng.",
    "Điều 2. Tổ công tác có nhiệm vụ giúp Ủy ban nhân dân xã chỉ đạo, điều phối các hoạt động chuyển đổi số trên địa bàn xã.",
    "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã, các thành viên có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
]


def decision(doc, sloppy=False, authority=True, bases=BASES, bases_italic=True,
             word="QUYẾT ĐỊNH:", articles=ARTICLES):
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
    enact(doc, bases, bases_italic, word, sloppy, articles)
    closing(doc)


def enact(doc, bases, bases_italic, word, sloppy, articles):
    """The bases, the enacting word and the articles of a Quyết định or a
    Nghị quyết."""
    for basis in bases:
        p = line(doc, basis, 14, italic=bases_italic, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        p.paragraph_format.first_line_indent = Cm(1.27)
        p.paragraph_format.space_before = Pt(6)
    if word:
        p = line(doc, word, 14, bold=True,
                 align=WD_ALIGN_PARAGRAPH.LEFT if sloppy else WD_ALIGN_PARAGRAPH.CENTER)
        p.paragraph_format.space_before = Pt(6)
    body(doc, articles)


def resolution(doc, sloppy=False, word="QUYẾT NGHỊ:"):
    """A Nghị quyết (cá biệt) of a commune's HĐND as template 1.1 lays it
    out: the authority line, the bases, `QUYẾT NGHỊ:` centred, articles."""
    header(doc, number="08/NQ-HĐND", parent=None, issuer="HỘI ĐỒNG NHÂN DÂN XÃ AN BÌNH")
    doc.add_paragraph()
    line(doc, "NGHỊ QUYẾT", 14, bold=True)
    line(doc, "Về việc thông qua kế hoạch chuyển đổi số năm 2024", 14, bold=True)
    mark = doc.add_paragraph()
    mark.paragraph_format.left_indent = Cm(6.0)
    mark.paragraph_format.right_indent = Cm(6.0)
    bottom_border(mark)
    line(doc, "HỘI ĐỒNG NHÂN DÂN XÃ AN BÌNH", 14, bold=True)
    enact(doc, (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Xét Tờ trình số 15/TTr-UBND ngày 01 tháng 3 năm 2024 của Ủy ban nhân dân xã; ý kiến thảo luận của đại biểu Hội đồng nhân dân xã tại kỳ họp.",
    ), True, word, sloppy, [
        "Điều 1. Thông qua Kế hoạch chuyển đổi số năm 2024 của xã An Bình kèm theo Tờ trình của Ủy ban nhân dân xã.",
        "Điều 2. Giao Ủy ban nhân dân xã tổ chức thực hiện Nghị quyết này. Nghị quyết có hiệu lực kể từ ngày ký./.",
    ])
    closing(doc, authority="TM. HỘI ĐỒNG NHÂN DÂN",
            recipients=("- Thường trực HĐND huyện;", "- UBND xã;", "- Lưu: VT."))


def minutes(doc, signers=(("THƯ KÝ", "Phạm Thị Lan"), ("CHỦ TỌA", "Lê Văn Cường"))):
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
    for cell, (title, name) in zip((right, left) if len(signers) == 1 else (left, right), signers):
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


def png(path, width, height, ink):
    """A picture drawn in code (no imaging library needed): `ink(x, y)` is
    an (r, g, b) where the pen went, else None (transparent)."""
    import struct
    import zlib
    rows = b"".join(
        b"\x00" + b"".join(
            bytes((*c, 255)) if (c := ink(x, y)) else b"\x00\x00\x00\x00"
            for x in range(width))
        for y in range(height))
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(rows, 9)))
        f.write(chunk(b"IEND", b""))


def signature_png(path):
    import math
    def ink(x, y):
        # A wave of a pen across the box.
        wave = 40 + 25 * math.sin(x / 18.0) * math.cos(x / 47.0)
        return (20, 20, 90) if abs(y - wave) < 3 and 10 < x < 190 else None
    png(path, 200, 80, ink)


def seal_png(path):
    def ink(x, y):
        r = ((x - 100) ** 2 + (y - 100) ** 2) ** 0.5
        return (220, 30, 30) if 88 < r < 97 or 60 < r < 64 else None
    png(path, 200, 200, ink)


def float_picture(paragraph, path, x, y, width, height, layer=1):
    """A picture floating from `paragraph`, placed `x` mm from the column's
    left and `y` mm under the paragraph's top, in front of the text, as an
    office places a scanned signature and seal."""
    run = paragraph.add_run()
    run.add_picture(path, width=Mm(width), height=Mm(height))
    inline = run._r.find(".//" + qn("wp:inline"))
    emu = lambda mm: str(int(mm * 36000))
    anchor = OxmlElement("wp:anchor")
    for key, value in (("distT", "0"), ("distB", "0"), ("distL", "0"), ("distR", "0"),
                       ("simplePos", "0"), ("relativeHeight", str(layer)), ("behindDoc", "0"),
                       ("locked", "0"), ("layoutInCell", "1"), ("allowOverlap", "1")):
        anchor.set(key, value)
    simple = OxmlElement("wp:simplePos")
    simple.set("x", "0")
    simple.set("y", "0")
    anchor.append(simple)
    for axis, frm, value in (("wp:positionH", "column", x), ("wp:positionV", "paragraph", y)):
        position = OxmlElement(axis)
        position.set("relativeFrom", frm)
        offset = OxmlElement("wp:posOffset")
        offset.text = emu(value)
        position.append(offset)
        anchor.append(position)
    for child in inline:
        if child.tag == qn("wp:docPr"):
            anchor.append(OxmlElement("wp:wrapNone"))
        anchor.append(child)
    inline.getparent().replace(inline, anchor)


def signed(doc, good=True):
    """The signer's column with a signature between the title and the name
    and the seal over its left third; not good: the signature pulled up
    over the title and the seal set on its right."""
    with tempfile.TemporaryDirectory() as tmp:
        signature, seal = os.path.join(tmp, "ky.png"), os.path.join(tmp, "dau.png")
        signature_png(signature)
        seal_png(seal)
        cell = doc.tables[-1].rows[0].cells[1]
        gap = find(doc, "CHỦ TỊCH")._p.getnext()
        from docx.text.paragraph import Paragraph
        gap = Paragraph(gap, cell)
        # LibreOffice sets a picture floating from an empty paragraph
        # under the next text; a space keeps it at its own paragraph.
        gap.add_run(" ")
        if good:
            float_picture(gap, signature, 22, 1, 36, 14)
            float_picture(gap, seal, 2, -8, 32, 32, layer=2)
        else:
            float_picture(gap, signature, 22, -12, 36, 14)
            float_picture(gap, seal, 40, -8, 32, 32, layer=2)


def official_letter(name, sloppy=False):
    """A công văn the way an office makes it with docxtpl: a template laid
    out once (the V/v line under the number, Kính gửi, the body as a loop),
    rendered from the letter's data. Sloppy: the template sets the V/v line
    14 pt bold and Kính gửi italic."""
    from docxtpl import DocxTemplate
    doc = base()
    header(doc, number="{{ number }}")
    left = doc.tables[0].rows[0].cells[0]
    line(left, "V/v {{ subject }}", 14 if sloppy else 12, bold=sloppy)
    doc.add_paragraph()
    p = line(doc, "Kính gửi: {{ to }}", 14, italic=sloppy)
    body(doc, ["{%p for text in paragraphs %}", "{{ text }}", "{%p endfor %}"])
    closing(doc, recipients=("- Như trên;", "- Lưu: VT, VP."))
    del p
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "template.docx")
        doc.save(path)
        letter = DocxTemplate(path)
        letter.render({
            "number": "45/UBND-VP",
            "subject": "triển khai chuyển đổi số năm 2024",
            "to": "Ủy ban nhân dân huyện An Phú.",
            "paragraphs": [
                "Thực hiện Kế hoạch số 12/KH-UBND ngày 15 tháng 01 năm 2024 của Ủy ban nhân dân huyện An Phú về công tác chuyển đổi số năm 2024, Ủy ban nhân dân xã An Bình báo cáo kết quả triển khai như sau:",
                "Ủy ban nhân dân xã đã ban hành Kế hoạch thực hiện, phân công nhiệm vụ cho các ban, ngành, đoàn thể xã và tổ chức tuyên truyền đến người dân.",
                "Ủy ban nhân dân xã An Bình kính báo cáo Ủy ban nhân dân huyện An Phú xem xét, chỉ đạo./.",
            ],
        })
        write(letter, name)


def unembedded(name):
    """LibreOffice's PDF of the plan with its fonts' programs unhooked
    (`/FontFile2` renamed with qpdf's editable form), as a PDF printed by a
    driver that does not embed fonts. Only the PDF is kept."""
    if sys.argv[1:] and name not in sys.argv[1:]:
        return
    with tempfile.TemporaryDirectory() as tmp:
        qdf = os.path.join(tmp, "plan.qdf")
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable",
                        os.path.join(HERE, "ke-hoach.pdf"), qdf], check=True, timeout=60)
        with open(qdf, "rb") as f:
            data = f.read().replace(b"/FontFile2 ", b"/FontFileZ ")
        with open(qdf, "wb") as f:
            f.write(data)
        subprocess.run(["qpdf", qdf, os.path.join(HERE, f"{name}.pdf")], check=True, timeout=60)


def scan(name):
    """A scanned plan: the pages of ke-hoach.pdf as pictures in a document
    with no text, as a scanner's PDF is. Only the PDF is kept."""
    if sys.argv[1:] and name not in sys.argv[1:]:
        return
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile",
                        os.path.join(HERE, "ke-hoach.pdf"), os.path.join(tmp, "page")],
                       check=True, timeout=120)
        doc = base()
        section = doc.sections[0]
        section.top_margin = section.bottom_margin = Mm(0)
        section.left_margin = section.right_margin = Mm(0)
        doc.add_paragraph().add_run().add_picture(os.path.join(tmp, "page.png"), width=Mm(209))
        path = os.path.join(tmp, f"{name}.docx")
        doc.save(path)
        convert(path)


def write(doc, name, pdf=True):
    # `make.py NAME…` writes only those (the others stay as committed).
    if sys.argv[1:] and os.path.splitext(name)[0] not in sys.argv[1:]:
        return
    path = os.path.join(HERE, name)
    doc.save(path)
    if pdf:
        convert(path)


def convert(path):
    """LibreOffice's PDF of a DOCX, into this folder."""
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

    # Căn cứ (§2.6): upright bases; bases that end wrong.
    doc = base()
    decision(doc, bases_italic=False)
    write(doc, "quyet-dinh-bases-upright.docx")

    doc = base()
    decision(doc, bases=(
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015.",
        "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư",
        "Theo đề nghị của Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã;",
    ))
    write(doc, "quyet-dinh-bases-punct.docx")

    # The enacting word: missing; a Nghị quyết's `QUYẾT NGHỊ:` centred, at
    # the left, and a Nghị quyết that says `QUYẾT ĐỊNH:`.
    doc = base()
    decision(doc, word=None, articles=[ARTICLES[0], ARTICLES[2].replace("Điều 3.", "Điều 2.")])
    write(doc, "quyet-dinh-no-word.docx")

    doc = base()
    resolution(doc)
    write(doc, "nghi-quyet.docx")

    doc = base()
    resolution(doc, sloppy=True)
    write(doc, "nghi-quyet-sloppy.docx")

    doc = base()
    resolution(doc, word="QUYẾT ĐỊNH:")
    write(doc, "nghi-quyet-quyet-dinh.docx")

    # The page (§1): US Letter; margins of 25 mm left and 15 mm top; Arial;
    # a paragraph typed in blue.
    doc = base()
    plan(doc)
    doc.sections[0].page_width, doc.sections[0].page_height = Mm(215.9), Mm(279.4)
    write(doc, "ke-hoach-letter.docx")

    doc = base()
    plan(doc)
    doc.sections[0].left_margin, doc.sections[0].top_margin = Mm(25), Mm(15)
    write(doc, "ke-hoach-margins.docx")

    doc = base()
    plan(doc)
    for style in ("Normal",):
        doc.styles[style].font.name = "Arial"
        doc.styles[style].element.rPr.rFonts.set(qn("w:hAnsi"), "Arial")
    write(doc, "ke-hoach-arial.docx")

    doc = base()
    plan(doc)
    restyle(doc, "Đẩy mạnh", color=RGBColor(0x00, 0x00, 0xFF))
    write(doc, "ke-hoach-colour.docx")

    # The header (§2.1-2.2): quốc hiệu not bold, tiêu ngữ without spaces
    # round its hyphens and no rule under it, the parent in lower case, the
    # issuer 14 pt with no rule.
    doc = base()
    plan(doc)
    restyle(doc, "CỘNG HÒA", bold=False)
    drop_rule_after(doc, "Độc lập")
    retext(doc, "Độc lập", "Độc lập-Tự do-Hạnh phúc")
    retext(doc, "UBND HUYỆN", "UBND huyện An Phú")
    drop_rule_after(doc, "ỦY BAN NHÂN DÂN XÃ")
    restyle(doc, "ỦY BAN NHÂN DÂN XÃ", size=14)
    write(doc, "ke-hoach-sloppy-header.docx")

    # The sizes coupled (§2.1 footnote): quốc hiệu 12 pt and tiêu ngữ 13 pt
    # over a 14 pt date (it should be 13, as the tiêu ngữ).
    doc = base()
    plan(doc)
    restyle(doc, "An Bình, ngày", size=14)
    write(doc, "ke-hoach-sizes.docx")

    # Number and date (§2.3-2.4): a space in the number, a Quyết định's
    # symbol on a plan, the day unpadded and the month padded, upright.
    doc = base()
    plan(doc, number="05 /QĐ-UBND", date="An Bình, ngày 8 tháng 03 năm 2024")
    restyle(doc, "An Bình, ngày", italic=False)
    write(doc, "ke-hoach-sloppy-number-date.docx")

    # Blank slots too narrow to write in: `…` for the number, ` . ` for the
    # day and the month.
    doc = base()
    plan(doc, number="…/KH-UBND", date="An Bình, ngày . tháng . năm 2024")
    write(doc, "ke-hoach-narrow-slots.docx")

    # Type name and summary (§2.5): the type name not bold, the summary in
    # capitals with a rule as wide as the page under it.
    doc = base()
    plan(doc)
    restyle(doc, "KẾ HOẠCH", bold=False)
    retext(doc, "Thực hiện chuyển đổi số", "THỰC HIỆN CHUYỂN ĐỔI SỐ NĂM 2024")
    rule = find(doc, "THỰC HIỆN CHUYỂN")._p.getnext()
    for side in ("w:left", "w:right", "w:start", "w:end"):
        for ind in rule.iter(qn("w:ind")):
            if ind.get(qn(side)) is not None:
                ind.set(qn(side), "0")
    write(doc, "ke-hoach-sloppy-title.docx")

    # A công văn from a docxtpl template (§2.5 ô 5b, §2.9 ô 9a).
    official_letter("cong-van.docx")
    official_letter("cong-van-sloppy.docx", sloppy=True)

    # The body (§2.6), one mistake a plan: 12 pt; left-aligned; no
    # first-line indent; no space between paragraphs. (All four at once,
    # a PDF's ragged lines give no right edge to tell paragraphs apart by.)
    for name, edit in (
        ("ke-hoach-body-12pt", lambda p: restyle(doc, p, size=12)),
        ("ke-hoach-body-left", lambda p: restyle(doc, p, align=WD_ALIGN_PARAGRAPH.LEFT)),
        ("ke-hoach-body-no-indent",
         lambda p: setattr(find(doc, p).paragraph_format, "first_line_indent", Cm(0))),
        ("ke-hoach-body-no-spacing",
         lambda p: setattr(find(doc, p).paragraph_format, "space_before", Pt(0))),
    ):
        doc = base()
        plan(doc, paragraphs=PLAN_BODY[:2] + [PLAN_BODY[0]] + PLAN_BODY[2:])
        for start in ("Thực hiện Kế hoạch", "Đẩy mạnh", "Các ban, ngành"):
            edit(start)
        write(doc, f"{name}.docx")

    # Headings (§2.6 b): numbered I, 1, 2, a, b, II; and a plan whose
    # headings skip II, one of them not bold, and whose last paragraph has
    # no `./.`.
    doc = base()
    plan(doc, paragraphs=HEADED_BODY)
    for heading in ("I. ", "II. "):
        restyle(doc, heading, bold=True)
    for heading in ("1. ", "2. "):
        restyle(doc, heading, bold=True)
    write(doc, "ke-hoach-headings.docx")

    doc = base()
    sloppy = [t.replace("II. TỔ CHỨC", "III. TỔ CHỨC") for t in HEADED_BODY]
    sloppy[-1] = sloppy[-1].replace("./.", ".")
    plan(doc, paragraphs=sloppy + ["IV. KINH PHÍ THỰC HIỆN", "Kinh phí thực hiện từ ngân sách xã năm 2024."])
    restyle(doc, "I. ", bold=True)
    restyle(doc, "III. ", bold=True)
    write(doc, "ke-hoach-sloppy-headings.docx")

    # Nơi nhận and the signer (§2.7, §2.9): `Nơi nhận:` upright 14 pt, no
    # `Lưu` line, `T/M` for `TM.`, the name not bold.
    doc = base()
    plan(doc)
    restyle(doc, "Nơi nhận", size=14, italic=False)
    p = find(doc, "- Lưu")._p
    p.getparent().remove(p)
    retext(doc, "TM. ", "T/M ỦY BAN NHÂN DÂN")
    restyle(doc, "Nguyễn Văn An", bold=False)
    write(doc, "ke-hoach-sloppy-closing.docx")

    # A Biên bản signed by its chair alone (template 1.9 asks for two).
    doc = base()
    minutes(doc, signers=(("CHỦ TỌA", "Lê Văn Cường"),))
    write(doc, "bien-ban-one-signer.docx")

    # Page numbers (§2.13): a long plan numbered from page 2.
    doc = base()
    plan(doc, paragraphs=PLAN_BODY[:2] * 18 + PLAN_BODY[2:])
    page_numbers(doc)
    write(doc, "ke-hoach-page-numbers.docx")

    # Phụ lục (§2.14): one in a section of its own restarting at 1; one
    # whose label is not bold, after a page break in the same section.
    doc = base()
    plan(doc)
    appendix(doc)
    write(doc, "ke-hoach-phu-luc.docx")

    doc = base()
    plan(doc)
    appendix(doc, bold=False, own_section=False)
    write(doc, "ke-hoach-phu-luc-sloppy.docx")

    # The signature and the seal as pictures (§2.7-2.8): placed as the
    # decree asks; the signature over the title and the seal on its right.
    doc = base()
    plan(doc)
    signed(doc)
    write(doc, "ke-hoach-ky.docx")

    doc = base()
    plan(doc)
    signed(doc, good=False)
    write(doc, "ke-hoach-ky-sloppy.docx")

    # Ink in the margins on the page a paragraph is carried over to (§1):
    # a paragraph running from the foot of page 1 onto page 2; the same
    # with its lines after the first hung 10 mm into the left margin.
    carried = " ".join([PLAN_BODY[1].replace("Đẩy mạnh", "Tăng cường")] * 3)
    long = [PLAN_BODY[0]] + [PLAN_BODY[1]] * 12 + [carried] + [PLAN_BODY[1]] * 3 + PLAN_BODY[2:]
    for name, hang in (("ke-hoach-long-paragraph", False), ("ke-hoach-long-paragraph-margin", True)):
        doc = base()
        plan(doc, paragraphs=long)
        page_numbers(doc)
        if hang:
            fmt = find(doc, "Tăng cường").paragraph_format
            fmt.left_indent = Cm(-1.0)
            fmt.first_line_indent = Cm(2.27)
        write(doc, f"{name}.docx")

    # A task table in the body (§2.6): a plan with one; one whose 3rd row
    # is typed in blue, found at its row in both formats.
    doc = base()
    plan_with_table(doc)
    write(doc, "ke-hoach-table.docx")

    doc = base()
    plan_with_table(doc, colour_row=3)
    write(doc, "ke-hoach-table-colour.docx")

    # A scan: no text layer (§5). A PDF only.
    scan("ke-hoach-scan")
    # Fonts not embedded (§5): a PDF only.
    unembedded("ke-hoach-fonts-not-embedded")


if __name__ == "__main__":
    sys.exit(main())
