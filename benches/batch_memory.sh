#!/usr/bin/env bash
# Peak memory of `vanban batch` is flat in the number of rows: rows are read
# as the workers take them. Renders SMALL and BIG generated year-end-report
# rows (DOCX, to keep disk and time down) and fails if the big run's peak
# RSS is more than twice the small one's. Not part of CI (the big run takes
# minutes); run it after changing the batch.
#
#   bash benches/batch_memory.sh [SMALL=1000] [BIG=100000] [JOBS=2]
set -euo pipefail
cd "$(dirname "$0")/.."
small=${1:-1000}
big=${2:-100000}
jobs=${3:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

bin=${VANBAN_BIN:-${CARGO_TARGET_DIR:-target}/release/vanban}
[ -n "${VANBAN_BIN:-}" ] || cargo build --release -q -p vanban-cli
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }

peak_kib() {
    local rows=$1
    python3 benches/make_rows.py "$rows" > "$work/rows.csv"
    /usr/bin/time -v "$bin" batch "$work/rows.csv" --template bao-cao-ket-qua-nam \
        -o "$work/out" --format docx --jobs "$jobs" --name-field issued_by \
        2> "$work/time.txt" || { tail -5 "$work/time.txt" >&2; exit 1; }
    local files
    files=$(find "$work/out" -name '*.docx' | wc -l)
    [ "$files" -eq "$rows" ] || { echo "$rows rows but $files files" >&2; exit 1; }
    rm -rf "$work/out"
    grep "Maximum resident set size" "$work/time.txt" | awk '{print $NF}'
}

a=$(peak_kib "$small")
b=$(peak_kib "$big")
python3 - "$small" "$a" "$big" "$b" <<'PY'
import sys
small, a, big, b = (int(x) for x in sys.argv[1:])
ratio = b / a
print(f"peak RSS: {small} rows {a / 1024:.1f} MiB, {big} rows {b / 1024:.1f} MiB, ratio {ratio:.2f} (limit 2)")
sys.exit(0 if ratio <= 2 else 1)
PY
