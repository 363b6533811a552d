#!/usr/bin/env bash
# Builds the `vanban` Python package the way a user installs it
# (`pip install ./python`: maturin from PyPI, Rust from the machine), into a
# fresh virtualenv, and runs its pytest suite against the installed copy.
#
#   bash python/ci.sh            # VENV=... to choose the virtualenv's folder
#
# Needs: python3 (>= 3.9) with venv, cargo, and PyPI + crates.io reachable.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
VENV="${VENV:-$work/venv}"
PYTHON="${PYTHON:-python3}"

"$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q "maturin>=1.9.4,<2" pytest "mypy==2.4.1"
# The `dask` extra, for vanban.dask and its LocalCluster test.
"$VENV/bin/python" -m pip install -q "dask[dataframe,distributed]>=2024.1"

# The byte-for-byte comparison test drives the CLI; build it if missing
# (release, the one profile the workspace builds in).
target="${CARGO_TARGET_DIR:-$root/target}"
export VANBAN_CLI="$target/release/vanban"
if [ ! -x "$VANBAN_CLI" ]; then
  cargo build --release -p vanban-cli
fi

# As a user would. pip builds in place, so cargo shares the workspace target/.
if ! "$VENV/bin/python" -m pip install -v "$root/python" >"$work/pip.log" 2>&1; then
  tail -n 80 "$work/pip.log" >&2
  echo "python/ci.sh: pip install ./python failed" >&2
  exit 1
fi
grep -E "Built wheel|Successfully installed" "$work/pip.log" || true

# Run from outside the source tree so that `import vanban` is the installed one.
cd "$work"
# The stubs must say what the extension really has (signatures, @final …).
"$VENV/bin/python" -m mypy.stubtest vanban
status=0
"$VENV/bin/python" -m pytest -p no:cacheprovider -ra "$root/python/tests" || status=$?
if [ "$status" -eq 5 ]; then
  echo "python/ci.sh: pytest collected no tests; that is a failure" >&2
  exit 1
fi
exit "$status"
