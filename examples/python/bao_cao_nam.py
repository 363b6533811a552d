"""One year-end result report (báo cáo kết quả thực hiện nhiệm vụ năm) per
unit, from a CSV, through the built-in template `bao-cao-ket-qua-nam`.

    python examples/python/bao_cao_nam.py [CSV] [OUT_DIR]

CSV defaults to examples/data/bao-cao-ket-qua-nam.csv when the repository
has one, else to bao-cao-ket-qua-nam-2024.csv beside this script.
Column names are data paths, as for `vanban batch`: `issuer.name`,
`indicators.0.plan` (a number is a list index); empty cells are left out.
With pandas the rows are `df.fillna("").to_dict("records")`, then the same
`unflatten`.
"""

import csv
import sys
from pathlib import Path

import vanban

HERE = Path(__file__).resolve().parent
DEFAULT_CSV = HERE.parent / "data" / "bao-cao-ket-qua-nam.csv"
if not DEFAULT_CSV.exists():
    DEFAULT_CSV = HERE / "bao-cao-ket-qua-nam-2024.csv"


def unflatten(row):
    """{"issuer.name": "X", "tasks.0": "Y"} → {"issuer": {"name": "X"}, "tasks": ["Y"]}."""
    item = {}
    for column, cell in row.items():
        cell = (cell or "").strip()
        if not column or not cell:
            continue  # an empty cell is an absent field, so {{#if}} sees it so
        keys = [int(k) if k.isdigit() else k for k in column.strip().split(".")]
        node = item
        for key, next_key in zip(keys, keys[1:]):
            node = _child(node, key, [] if isinstance(next_key, int) else {})
        _set(node, keys[-1], cell)
    return item


def _child(node, key, empty):
    if isinstance(node, list):
        while len(node) <= key:
            node.append(None)
        if node[key] is None:
            node[key] = empty
        return node[key]
    return node.setdefault(key, empty)


def _set(node, key, value):
    if isinstance(node, list):
        while len(node) <= key:
            node.append(None)
    node[key] = value


def main(csv_path=DEFAULT_CSV, out_dir="out/bao-cao-nam"):
    with open(csv_path, newline="", encoding="utf-8-sig") as f:
        rows = [unflatten(row) for row in csv.DictReader(f)]
    results = vanban.render_many(
        rows,
        out_dir,
        formats=("docx", "pdf"),
        template="bao-cao-ket-qua-nam",
        name_field="place",  # one file pair per unit: out/bao-cao-nam/an-binh.docx …
    )
    failed = 0
    for result in results:
        if result.ok:
            print(f"row {result.index + 1}: {', '.join(result.paths)}")
        else:
            failed += 1
            print(f"row {result.index + 1}: {result.error}", file=sys.stderr)
    print(f"{len(results) - failed} of {len(results)} reports written to {out_dir}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
