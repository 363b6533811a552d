#!/usr/bin/env python3
"""Year-end result report rows (template `bao-cao-ket-qua-nam`), one per
commune, as CSV with data-path columns. Deterministic for a given count.

    python3 benches/make_rows.py 50 > examples/data/bao-cao-50-xa.csv
"""
import csv
import random
import sys

COMMUNES = """An Bình|An Hòa|An Lạc|An Nhơn|An Phú|An Thạnh|Bình Hòa|Bình Minh|Bình Thạnh|Bình Trị|
Cẩm Giang|Đông Hòa|Đông Thành|Gia Lộc|Hòa Bình|Hòa Hiệp|Hòa Thạnh|Hưng Thuận|Long Giang|Long Khánh|
Long Phước|Long Thành|Mỹ Hạnh|Mỹ Lộc|Ninh Điền|Ninh Sơn|Phước Chỉ|Phước Lưu|Phước Vinh|Suối Đá|
Tân Bình|Tân Đông|Tân Hòa|Tân Hưng|Tân Lập|Tân Phong|Thái Bình|Thanh Điền|Thạnh Đức|Thành Long|
Trà Vong|Trường Đông|Trường Hòa|Trường Tây|Truông Mít|Văn Giáo|Vĩnh Thạnh|Xuân Lộc|Yên Bình|Đồng Khởi""".replace("\n", "").split("|")
DISTRICTS = ["Châu Thành", "Gò Dầu", "Dương Minh Châu", "Tân Châu", "Bến Cầu"]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ"]
MIDDLE = ["Văn", "Thị", "Minh", "Hoàng", "Thanh", "Quốc", "Ngọc"]
GIVEN = ["Hùng", "Lan", "Dũng", "Mai", "Tuấn", "Hương", "Phúc", "Thảo", "Long", "Hải", "Nga", "Sơn"]
INDICATORS = [
    ("Tổng giá trị sản xuất", "tỷ đồng", 600, 1600, 1),
    ("Thu ngân sách nhà nước trên địa bàn", "triệu đồng", 4000, 15000, 0),
    ("Thu nhập bình quân đầu người", "triệu đồng/người/năm", 50, 80, 1),
    ("Diện tích gieo trồng lúa", "ha", 400, 2000, 0),
    ("Sản lượng lương thực", "tấn", 2500, 12000, 0),
    ("Tỷ lệ hộ nghèo (chuẩn đa chiều)", "%", 1, 4, 2),
    ("Tỷ lệ người dân tham gia bảo hiểm y tế", "%", 88, 96, 1),
    ("Số lao động được tạo việc làm mới", "người", 150, 500, 0),
    ("Tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến", "%", 60, 90, 1),
    ("Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý", "%", 80, 98, 1),
]


def vietnamese(x, places):
    """A figure as an office types it: 1.234,5 (vanban reads text this way)."""
    return f"{x:,.{places}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def row(i, rng):
    name = COMMUNES[i % len(COMMUNES)] + ("" if i < len(COMMUNES) else f" {i // len(COMMUNES) + 1}")
    district = DISTRICTS[i % len(DISTRICTS)]
    r = {
        "parent": f"UBND HUYỆN {district.upper()}",
        "issuer.name": f"ỦY BAN NHÂN DÂN XÃ {name.upper()}",
        "issuer.abbreviation": "UBND",
        "issued_by": f"UBND xã {name}",
        "number": str(180 + rng.randrange(80)),
        "place": name,
        "date": f"2024-12-{rng.randrange(15, 21):02d}",
        "year": "2024",
        "superior": f"Ủy ban nhân dân huyện {district}",
        "request.kind": "Công văn",
        "request.number": "1845",
        "request.symbol": "UBND-VP",
        "request.date": "2024-11-25",
        "request.issuer": f"UBND huyện {district}",
        "request.summary": "việc báo cáo kết quả thực hiện nhiệm vụ năm 2024, phương hướng, nhiệm vụ năm 2025",
        "leadership.0.kind": "Kế hoạch",
        "leadership.0.number": str(5 + rng.randrange(20)),
        "leadership.0.symbol": "KH-UBND",
        "leadership.0.date": f"2024-01-{rng.randrange(8, 29):02d}",
        "leadership.0.summary": "thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2024",
        "leadership.1.kind": "Quyết định",
        "leadership.1.number": str(30 + rng.randrange(40)),
        "leadership.1.symbol": "QĐ-UBND",
        "leadership.1.date": f"2024-02-{rng.randrange(1, 28):02d}",
        "leadership.1.summary": "giao chỉ tiêu thu ngân sách nhà nước năm 2024",
    }
    met = 0
    for k, (label, unit, low, high, places) in enumerate(INDICATORS):
        plan = round(rng.uniform(low, high), places)
        actual = round(plan * rng.uniform(0.9, 1.12), places)
        # A poverty rate is met by staying under the plan.
        met += actual <= plan if label.startswith("Tỷ lệ hộ nghèo") else actual >= plan
        r[f"indicators.{k}.name"] = label
        r[f"indicators.{k}.unit"] = unit
        r[f"indicators.{k}.plan"] = vietnamese(plan, places)
        r[f"indicators.{k}.actual"] = vietnamese(actual, places)
    r.update({
        "strengths.0": f"Có {met}/{len(INDICATORS)} chỉ tiêu chủ yếu đạt và vượt kế hoạch.",
        "strengths.1": "Công tác cải cách hành chính, chuyển đổi số có chuyển biến tích cực.",
        "weaknesses.0": "Một số chỉ tiêu chưa đạt kế hoạch; tiến độ một số công trình còn chậm.",
        "causes.0": "Khách quan: thời tiết bất thường, giá vật tư nông nghiệp tăng.",
        "causes.1": "Chủ quan: phối hợp giữa một số ban, ngành và ấp chưa chặt chẽ.",
        "tasks.0": "Phát triển sản xuất nông nghiệp theo hướng hữu cơ, ứng dụng công nghệ cao.",
        "tasks.1": "Đẩy mạnh cải cách hành chính, chuyển đổi số.",
        "tasks.2": "Giữ vững quốc phòng - an ninh, trật tự an toàn xã hội.",
        "recipients.0": "Thường trực Đảng ủy xã",
        "recipients.1": "Thường trực HĐND xã",
        "archive_units.0": "VP",
        "signer.authority.0": "TM. ỦY BAN NHÂN DÂN",
        "signer.title": "CHỦ TỊCH",
        "signer.name": f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
    })
    return r


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    rng = random.Random(2024)
    rows = [row(i, rng) for i in range(count)]
    writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0].keys()), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


if __name__ == "__main__":
    main()
