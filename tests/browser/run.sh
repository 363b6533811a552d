#!/usr/bin/env bash
# The browser test of `vanban serve`'s page: starts the built server on a
# free port, drives Debian's chromium through chromium-driver with Selenium
# (PyPI, in target/browser-venv) and keeps a screenshot per step in
# target/browser/. Needs: target/release/vanban, apt packages chromium,
# chromium-driver and poppler-utils (scripts/test installs them).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
venv="target/browser-venv"
# openpyxl writes the workbooks the year-end report test uploads.
[ -x "$venv/bin/pytest" ] && "$venv/bin/python" -c "import selenium, openpyxl" 2>/dev/null || {
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install -q "selenium==4.*" "openpyxl==3.*" pytest
}
mkdir -p target/browser
log="target/browser/server.log"
# A fresh register for "Cấp số".
rm -rf target/browser/register.sqlite* target/browser/van-ban-di target/browser/downloads target/browser/files
target/release/vanban register init --db target/browser/register.sqlite --office "VĂN PHÒNG UBND TỈNH TÂY NINH" >/dev/null
target/release/vanban serve --addr 127.0.0.1:0 --db target/browser/register.sqlite \
  --files target/browser/van-ban-di 2>"$log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
# Until the server says where it listens (or has stopped); without that,
# its log and the reason, not a silent exit.
for _ in $(seq 1 600); do
  grep -q "listening on" "$log" && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.1
done
url="$(grep -o 'http://[0-9.:]*' "$log" | head -1 || true)"
[ -n "$url" ] || {
  cat "$log" >&2
  if kill -0 "$server" 2>/dev/null; then echo "browser test: the server did not start in 60 s" >&2
  else echo "browser test: the server stopped before listening" >&2; fi
  exit 1
}
VANBAN_URL="$url" VANBAN_BROWSER_OUT="$root/target/browser" \
  "$venv/bin/python" -m pytest -p no:cacheprovider -ra tests/browser
