"""Kế hoạch 1026/KH-VP (Văn phòng UBND tỉnh Tây Ninh, 08/3/2024) from a dict.

The same document as examples/ke-hoach-1026.yaml, written as Python data:
this is how a program hands vanban a document it has built. Run:

    python examples/python/ke_hoach.py [OUT_DIR]

It writes OUT_DIR/ke-hoach-1026.docx and .pdf (default OUT_DIR: out/).
"""

import sys
from pathlib import Path

import vanban

# The body is Markdown: `#` → I., II.; `##` → 1., 2.; `###` → a), b), …;
# `- ` is a dash paragraph. Numbers are filled in by vanban.
BODY = """\
Căn cứ Kế hoạch số 623/KH-UBND ngày 07/3/2024 của UBND tỉnh về việc tuyên truyền các phong trào thi đua yêu nước, các điển hình tiên tiến, mô hình mới, nhân tố mới năm 2024, Văn phòng UBND tỉnh (sau đây viết tắt là Văn phòng) xây dựng Kế hoạch thực hiện tại Văn phòng như sau:

# MỤC ĐÍCH, YÊU CẦU

## Mục đích

- Tuyên truyền sâu rộng để công chức, viên chức, người lao động thuộc Văn phòng nhận thức sâu sắc về tư tưởng Thi đua ái quốc của Chủ tịch Hồ Chí Minh; chủ trương, đường lối của Đảng; chính sách, pháp luật của Nhà nước về thi đua, khen thưởng; qua đó nâng cao hơn nữa vị trí, vai trò, tác dụng to lớn của phong trào thi đua yêu nước, công tác khen thưởng và hiệu quả thiết thực của việc nhân rộng, biểu dương, tôn vinh gương điển hình tiên tiến, mô hình mới, nhân tố mới trong các phong trào thi đua, góp phần thực hiện thắng lợi các nhiệm vụ được giao.

- Huy động sức mạnh tổng hợp, sự tham gia tích cực của toàn thể cán bộ, công chức, viên chức, người lao động thuộc Văn phòng trong thực hiện công tác tuyên truyền phong trào thi đua yêu nước, các điển hình tiên tiến, những mô hình mới, cách làm hay, sáng tạo, tạo động lực thúc đẩy kinh tế - xã hội phát triển, giữ vững quốc phòng - an ninh và công tác đối ngoại, đảm bảo an sinh xã hội; giới thiệu những thành tựu đổi mới của tỉnh trên các lĩnh vực kinh tế - chính trị, văn hóa - xã hội, an ninh - quốc phòng, đẩy mạnh xây dựng Đảng và hệ thống chính trị.

## Yêu cầu

- Các phòng, ban, trung tâm tổ chức triển khai thực hiện, chủ động phát hiện, xây dựng và lựa chọn những điển hình tiêu biểu trên các lĩnh vực của đời sống xã hội nhằm tuyên truyền, phổ biến kinh nghiệm, nhân rộng phương pháp, mô hình mới, cách làm hay, hiệu quả và tôn vinh, nêu gương, học tập và thi đua cùng các gương điển hình.

- Phát hiện, bồi dưỡng, tổng kết và nhân rộng điển hình tiên tiến, rút ra bài học kinh nghiệm về tổ chức, triển khai, thực hiện các phong trào thi đua; kinh nghiệm về xây dựng và nhân rộng các điển hình tiên tiến, thi đua cùng các gương điển hình tiên tiến; tiếp tục đổi mới nội dung, hình thức, chất lượng công tác thi đua, khen thưởng.

# NỘI DUNG VÀ HÌNH THỨC TUYÊN TRUYỀN

## Nội dung tuyên truyền

### Tư tưởng Thi đua ái quốc của Chủ tịch Hồ Chí Minh, chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước về thi đua, khen thưởng.

Tập trung tuyên truyền hiệu quả, tác dụng to lớn và kết tinh tư tưởng của Chủ tịch Hồ Chí Minh trong “Lời kêu gọi Thi đua ái quốc”, các chủ trương, đường lối của Đảng, các quy định của pháp luật về công tác thi đua, khen thưởng.

Thực hiện có hiệu quả Kế hoạch số 4139/KH-UBND ngày 18/12/2023 của UBND tỉnh về triển khai thi hành Luật Thi đua, khen thưởng năm 2022, Quy chế về công tác thi đua, khen thưởng trên địa bàn tỉnh Tây Ninh và các văn bản có liên quan.

### Kết quả thực hiện việc “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh” gắn với việc thực hiện các quy định về trách nhiệm nêu gương của cán bộ, đảng viên, các điển hình tiên tiến trong triển khai thực hiện Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị khóa XII về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, Chuyên đề năm 2024 “Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về thực hành tiết kiệm, đấu tranh phòng, chống tham nhũng, tiêu cực, lãng phí” và Kế hoạch số 56-KH/TU ngày 20/01/2022 của Ban Thường vụ Tỉnh ủy về thực hiện Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị; kiên quyết ngăn chặn, đẩy lùi, xử lý nghiêm cán bộ, đảng viên suy thoái về tư tưởng chính trị, đạo đức, lối sống, biểu hiện “tự diễn biến”, “tự chuyển hóa”.

### Kết quả thi đua thực hiện Nghị quyết Đại hội Đại biểu toàn quốc lần thứ XIII của Đảng, Nghị quyết Đại hội Đảng bộ tỉnh Tây Ninh lần thứ XI.

### Kết quả thực hiện các Phong trào thi đua yêu nước trọng tâm: “Tây Ninh chung sức xây dựng nông thôn mới” gắn với Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”, “Doanh nghiệp Tây Ninh hội nhập và phát triển”, “Tây Ninh chung tay vì người nghèo - Không để ai bị bỏ lại phía sau”, “Cán bộ, công chức, viên chức Tây Ninh thi đua thực hiện văn hóa công sở” gắn với thực hiện Cuộc vận động “Cán bộ, công chức, viên chức nói không với tiêu cực”, “Đoàn kết, sáng tạo, nâng cao năng suất, chất lượng, hiệu quả, hội nhập quốc tế”, “Toàn dân đoàn kết xây dựng đời sống văn hóa”, “Thực hiện chính quyền điện tử”, “Tây Ninh thi đua xây dựng xã hội học tập, đẩy mạnh học tập suốt đời”, phong trào thi đua do các cơ quan, đơn vị, địa phương, doanh nghiệp, trường học phát động; kết quả của các phong trào, tác động của phong trào thi đua trong thực hiện các nhiệm vụ chính trị và phát triển kinh tế - xã hội, đảm bảo quốc phòng - an ninh năm 2024.

### Tập trung tuyên truyền việc triển khai, thực hiện Kế hoạch số 310/KH-UBND ngày 01/02/2021 của UBND tỉnh, tuyên truyền biểu dương các gương điển hình tiên tiến trên các lĩnh vực.

### Tuyên truyền các hoạt động, các phong trào thi đua của Khối Thi đua Quản lý Nhà nước và Tham mưu, tổng hợp.

### Tuyên truyền các gương điển hình tiên tiến, tiêu biểu trên các lĩnh vực, mô hình mới, nhân tố mới, gương người tốt, việc tốt; phổ biến các sáng kiến, kinh nghiệm nhằm nâng cao chất lượng thực thi công vụ, nhiệm vụ.

## Hình thức tuyên truyền

### Tuyên truyền trên các phương tiện thông tin đại chúng, đẩy mạnh tuyên truyền trên Internet và mạng xã hội:

Phòng Hành chính – Tổ chức phối hợp với Trung tâm Công báo – Tin học; các phòng, ban, trung tâm thuộc Văn phòng thường xuyên tuyên truyền các phong trào thi đua yêu nước, mở các chuyên trang, chuyên mục tuyên truyền các điển hình tiên tiến trên Cổng Thông tin điện tử của tỉnh, Cổng Thông tin điện tử của Văn phòng, trên các phương tiện thông tin đại chúng của tỉnh Tây Ninh.

### Tuyên truyền thông qua các hoạt động văn hóa, văn nghệ, hội thi, hội diễn, cổ động trực quan....tạo không khí phấn khởi, cổ vũ phong trào thi đua thực hiện thắng lợi nhiệm vụ chính trị năm 2024.

# TỔ CHỨC THỰC HIỆN

1. Hội đồng Thi đua - Khen thưởng Văn phòng thông qua phong trào thi đua kịp thời biểu dương, khen thưởng các nhân tố điển hình, các gương tiêu biểu trong ngành, tạo sự lan tỏa trong phong trào thi đua.

2. Các phòng, ban, trung tâm chú trọng thực hiện tốt công tác tuyên truyền, nhân rộng điển hình tiên tiến, thường xuyên tham gia các hoạt động chung, các hoạt động từ thiện xã hội phù hợp, nhất là hoạt động trong phong trào thi đua xây dựng nông thôn mới; cả nước chung tay vì người nghèo – không để ai bị bỏ lại phía sau.

Chú trọng tuyên truyền các phong trào thi đua yêu nước; kịp thời phát hiện, giới thiệu các mô hình, các sáng kiến, các gương điển hình tiêu biểu và nhân tố mới. Chủ động viết bài, tin và phối hợp Trung tâm Công báo – Tin học đăng thông tin tuyên truyền trên Cổng Thông tin điện tử của Văn phòng.

3. Trung tâm Công báo – Tin học tham mưu Văn phòng:

- Phối hợp với Hội đồng Thi đua – Khen thưởng tỉnh, Sở Thông tin và Truyền thông, Báo Tây Ninh, Đài Phát thanh và Truyền hình tỉnh tuyên truyền các phong trào thi đua yêu nước, các gương điển hình tiên tiến, nhân tố mới, người tốt, việc tốt trên Cổng Thông tin điện tử của tỉnh;

- Phối hợp với Hội đồng Thi đua – Khen thưởng tỉnh nâng cao chất lượng Chuyên mục “Thi đua yêu nước” trên Cổng Thông tin điện tử tỉnh.

4. Phòng Hành chính - Tổ chức phối hợp với các phòng, ban, trung tâm tham mưu phổ biến, tuyên truyền, giới thiệu các mô hình, các sáng kiến, các gương điển hình tiêu biểu và nhân tố mới để nhân rộng trong công chức, viên chức, người lao động Văn phòng học tập và làm theo.

Cập nhật các văn bản quy phạm pháp luật của Trung ương và tỉnh về phong trào thi đua, công tác khen thưởng; đồng thời triển khai, quán triệt các văn bản liên quan đến phong trào thi đua yêu nước do Trung ương và tỉnh ban hành.

Giao Phòng Hành chính - Tổ chức chủ trì, phối hợp với Hội đồng Thi đua – Khen thưởng Văn phòng, các phòng, ban, trung tâm triển khai thực hiện Kế hoạch đạt chất lượng và bảo đảm tiến độ đề ra; tham mưu Văn phòng báo cáo kết quả thực hiện theo quy định.

Trên đây là Kế hoạch tuyên truyền các phong trào thi đua yêu nước, các điển hình tiên tiến, mô hình mới, nhân tố mới năm 2024 của Văn phòng UBND tỉnh./.
"""

PLAN = {
    "kind": "ke-hoach",
    "parent": "UBND TỈNH TÂY NINH",
    "issuer": {"name": "VĂN PHÒNG", "abbreviation": "VP"},
    "number": 1026,
    "place": "Tây Ninh",
    "date": "2024-03-08",
    "summary": (
        "Tuyên truyền các phong trào thi đua yêu nước, các điển hình tiên tiến, "
        "mô hình mới, nhân tố mới năm 2024"
    ),
    "body": BODY,
    "recipients": [
        "CT, các PCT UBND tỉnh",
        "Ban Thi đua – Khen thưởng tỉnh",
        "LĐVP",
        "Các phòng, ban, trung tâm",
    ],
    "archive": {"units": ["VP"]},
    "drafter": {"initials": "T.Dung"},
    "signer": {"title": "CHÁNH VĂN PHÒNG", "name": "Đoàn Minh Long"},
}


def main(out_dir: str = "out") -> None:
    try:
        doc = vanban.Document(PLAN)
    except vanban.ValidationError as error:
        for problem in error.errors:
            print(f"{problem['path']}: {problem['message']}", file=sys.stderr)
        sys.exit(1)
    print(doc)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for suffix in ("docx", "pdf"):
        path = out / f"ke-hoach-{doc.number}.{suffix}"
        doc.save(path)
        print("wrote", path)


if __name__ == "__main__":
    main(*sys.argv[1:2])
