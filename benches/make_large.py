#!/usr/bin/env python3
"""Writes the large inputs of benches/scale.sh to DIR: a body of N paragraphs,
a document of about P pages, one word of W characters (all valid plans).

    python3 benches/make_large.py DIR [PARAGRAPHS=100000] [PAGES=1000] [WORD=200000]
"""
import json
import sys
from pathlib import Path

HEAD = {
    "kind": "ke-hoach",
    "parent": "UBND TỈNH TÂY NINH",
    "issuer": {"name": "VĂN PHÒNG", "abbreviation": "VP"},
    "number": 1026,
    "place": "Tây Ninh",
    "date": "2024-03-08",
    "summary": "Tuyên truyền các phong trào thi đua yêu nước năm 2024",
    "recipients": ["UBND tỉnh"],
    "archive": {"units": ["VP"]},
    "signer": {"title": "CHÁNH VĂN PHÒNG", "name": "Đoàn Minh Long"},
}
# About three lines of 14 pt text on an A4 page: ten make a page.
SENTENCE = ("Tuyên truyền sâu rộng để công chức, viên chức, người lao động thuộc "
            "Văn phòng nhận thức sâu sắc về tư tưởng Thi đua ái quốc của Chủ tịch "
            "Hồ Chí Minh; chủ trương, đường lối của Đảng; chính sách, pháp luật "
            "của Nhà nước về thi đua, khen thưởng.")


def plan(body: str) -> str:
    return json.dumps({**HEAD, "body": body}, ensure_ascii=False)


def main() -> None:
    out = Path(sys.argv[1])
    paragraphs = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    pages = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    word = int(sys.argv[4]) if len(sys.argv) > 4 else 200_000
    out.mkdir(parents=True, exist_ok=True)
    short = (f"Đoạn {i + 1}: thực hiện nhiệm vụ được giao." for i in range(paragraphs))
    (out / "paragraphs.json").write_text(plan("\n\n".join(short)), encoding="utf-8")
    long = (f"{i + 1}. {SENTENCE}" for i in range(pages * 10))
    (out / "pages.json").write_text(plan("\n\n".join(long)), encoding="utf-8")
    (out / "word.json").write_text(plan("Đ" * word), encoding="utf-8")


if __name__ == "__main__":
    main()
