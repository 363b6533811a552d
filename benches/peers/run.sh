#!/usr/bin/env bash
# Side-by-side benchmark of vanban and its peers (benches/peers/peers.py).
#
#   bash benches/peers/run.sh            # peers already in the virtualenv
#   bash benches/peers/run.sh --install  # first install them (pip into the
#                                        # virtualenv; apt: LibreOffice)
#
# VENV (default target/peers-venv) holds vanban (pip install ./python),
# docxtpl, python-docx, typst and reportlab. A peer missing is skipped with a
# note. Not part of CI.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
VENV="${VENV:-$root/target/peers-venv}"
if [ "${1:-}" = "--install" ]; then
    shift
    [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q "maturin>=1.9.4,<2" docxtpl python-docx typst reportlab
    "$VENV/bin/python" -m pip install -q "$root/python"
    if ! command -v soffice > /dev/null; then
        if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
        $sudo apt-get install -y -q libreoffice-writer-nogui || echo "LibreOffice not installed: skipped"
    fi
fi
[ -x "$VENV/bin/python" ] || { echo "no virtualenv at $VENV: run with --install" >&2; exit 2; }
echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
"$VENV/bin/python" benches/peers/peers.py "$@"
