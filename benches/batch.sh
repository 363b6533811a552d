#!/usr/bin/env bash
# Times `vanban batch` on generated year-end-report rows: documents per
# second and peak memory, for DOCX and for DOCX+PDF. Not a test.
#
#   bash benches/batch.sh [ROWS=1000] [JOBS=2]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000}
jobs=${2:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# VANBAN_BIN=path skips the build (e.g. to time an installed binary).
bin=${VANBAN_BIN:-target/release/vanban}
[ -n "${VANBAN_BIN:-}" ] || cargo build --release -q -p vanban-cli
python3 benches/make_rows.py "$rows" > "$work/rows.csv"
echo "rows: $rows, jobs: $jobs, cores: $(nproc)"

for formats in docx docx,pdf; do
    out="$work/out-${formats/,/-}"
    /usr/bin/time -v "$bin" batch "$work/rows.csv" --template bao-cao-ket-qua-nam \
        -o "$out" --format "$formats" --jobs "$jobs" --name-field issued_by --progress \
        2> "$work/time.txt" || { cat "$work/time.txt"; exit 1; }
    wall=$(grep "Elapsed (wall clock)" "$work/time.txt" | awk '{print $NF}')
    rss=$(grep "Maximum resident set size" "$work/time.txt" | awk '{print $NF}')
    # CPU seconds: on a machine shared with other jobs the wall clock
    # measures the others too; CPU time / cores is the wall time alone.
    cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$work/time.txt")
    files=$(find "$out" -type f | wc -l)
    bytes=$(du -sk "$out" | cut -f1)
    python3 - "$formats" "$wall" "$rss" "$rows" "$files" "$bytes" "$cpu" "$jobs" <<'PY'
import sys
formats, wall, rss, rows, files, kib, cpu, jobs = sys.argv[1:]
parts = [float(p) for p in wall.split(":")]
seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
print(f"{formats:>9}: {int(rows)} documents ({files} files, {int(kib) / 1024:.1f} MiB) in {seconds:.2f} s"
      f" = {int(rows) / seconds:.0f} documents/s, peak RSS {int(rss) / 1024:.1f} MiB;"
      f" CPU {float(cpu):.2f} s = {1000 * float(cpu) / int(rows):.2f} ms/document"
      f" (CPU / {jobs} jobs: {float(cpu) / int(jobs):.1f} s)")
PY
done
