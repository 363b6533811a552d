#!/usr/bin/env bash
# Cost linear in size, through the command line (issue 12): `vanban check`
# of 100,000 body paragraphs (≤ 1 s), a 1,000-page document to PDF (≤ 1 s),
# one 200,000-character word to PDF (≤ 0.1 s). Not a test; the criterion
# bench `cargo bench -p vanban-pdf --bench scale` times the library alone.
#
#   bash benches/scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=${VANBAN_BIN:-target/release/vanban}
[ -n "${VANBAN_BIN:-}" ] || cargo build --release -q -p vanban-cli
python3 benches/make_large.py "$work"
big=(--max-field-chars 100000000 --max-file-bytes 1000000000)

run() {
    local label=$1
    shift
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null 2>&1 || { echo "$label: failed"; exit 1; }
    end=$(date +%s.%N)
    printf '%-44s %6.3f s\n' "$label" "$(echo "$end - $start" | bc)"
}
run "check: 100,000 paragraphs" "$bin" check "${big[@]}" "$work/paragraphs.json"
run "render: 1,000 pages to PDF" "$bin" render "${big[@]}" "$work/pages.json" -o "$work/out" --format pdf
run "render: one 200,000-character word to PDF" "$bin" render "${big[@]}" "$work/word.json" -o "$work/out" --format pdf
pdfinfo "$work/out/pages.pdf" 2>/dev/null | grep Pages || true
