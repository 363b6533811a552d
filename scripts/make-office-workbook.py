#!/usr/bin/env python3
"""Writes examples/data/chi-tieu-2025.xlsx: an indicator workbook laid out
as a commune office keeps it (title rows, Vietnamese headers, merged group
rows, figures typed as numbers and as Vietnamese text, a formula column vanban
does not read, a note under the table). Needs openpyxl; the file is committed,
so nothing else needs this script.

    python3 -m venv /tmp/opx && /tmp/opx/bin/pip install openpyxl
    /tmp/opx/bin/python scripts/make-office-workbook.py
"""
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

OUT = Path(__file__).resolve().parent.parent / "examples" / "data" / "chi-tieu-2025.xlsx"

book = Workbook()
sheet = book.active
sheet.title = "Biểu 01"
bold = Font(bold=True)
sheet.append(["BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NĂM 2025"])
sheet.merge_cells("A1:J1")
sheet.append(["(Kèm theo Báo cáo của Ủy ban nhân dân xã Châu Thành)"])
sheet.merge_cells("A2:J2")
sheet.append([])
sheet.append(["TT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2024", "Kế hoạch năm 2025",
              "Thực hiện năm 2025", "So sánh TH/KH (%)", "Chỉ tiêu chủ yếu", "Tăng/giảm", "Ghi chú"])
for cell in sheet[4]:
    cell.font = bold
    cell.alignment = Alignment(wrap_text=True, horizontal="center")


def group(text):
    sheet.append([text])
    row = sheet.max_row
    sheet.merge_cells(f"A{row}:J{row}")
    sheet[f"A{row}"].font = bold


def indicator(tt, name, unit, previous, plan, actual, key="", direction="", note=""):
    row = sheet.max_row + 1
    # The office's own check column: a formula, never read by vanban.
    check = f"=IFERROR(F{row}/E{row}*100,\"\")"
    sheet.append([tt, name, unit, previous, plan, actual, check, key, direction, note])


group("I. KINH TẾ")
indicator(1, "Tổng giá trị sản xuất", "tỷ đồng", 1085.4, 1150, 1192.6, key="x")
# Typed as text the Vietnamese way: 170.700 is a hundred and seventy thousand.
indicator(2, "Thu ngân sách nhà nước trên địa bàn", "triệu đồng", "170.700", "180.000", "185.420",
          key="x", note="Ước thực hiện")
sheet.append(["II", "VĂN HÓA - XÃ HỘI"])
indicator(3, "Tỷ lệ hộ nghèo (chuẩn đa chiều)", "%", "2,15", "1,6", "1,48", key="x", direction="Giảm")
indicator(4, "Tỷ lệ người dân tham gia bảo hiểm y tế", "%", 92.4, 94, 95.1)
indicator(5, "Số lao động được tạo việc làm mới", "người", 310, 320, 347)
group("III. QUỐC PHÒNG - AN NINH")
indicator(6, "Số vụ cháy, nổ", "vụ", 3, 0, 2, direction="giảm")
indicator(7, "Số vụ phạm pháp hình sự", "vụ", 120, 110, 98, direction="giảm")
sheet.append([])
sheet.append(["Người lập biểu"])
for column, width in zip("ABCDEFGHIJ", [5, 44, 12, 14, 14, 14, 12, 10, 10, 16]):
    sheet.column_dimensions[column].width = width
book.save(OUT)
print(f"wrote {OUT}")
