"""The readers added beside lint — vanban.verify (signatures) and
Register.receive (incoming documents) — take each hostile file of
tests/lint-hostile in a subprocess: read or refused with an exception, and
the interpreter survives (no SIGSEGV, no abort, no memory blow-up)."""

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
HOSTILE = REPO / "tests" / "lint-hostile"

SCRIPT = """
import sys, vanban
path, how, db = sys.argv[1], sys.argv[2], sys.argv[3]
try:
    if how == "verify":
        vanban.verify(open(path, "rb").read())
    else:
        vanban.Register.init(db).receive(path, date="2026-03-09")
    print("READ")
except ValueError as e:
    print("REFUSED", e)
"""


def cases():
    """verify reads PDFs; receive reads PDFs and DOCX."""
    for path in sorted(HOSTILE.iterdir()):
        if path.suffix == ".pdf":
            yield path.name, "verify"
        if path.suffix in (".pdf", ".docx"):
            yield path.name, "receive"


@pytest.mark.parametrize("name,how", list(cases()))
def test_the_interpreter_survives_each_hostile_file(name, how, tmp_path):
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(HOSTILE / name), how, str(tmp_path / "so.db")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, f"{name}: exit {run.returncode}\n{run.stderr[-2000:]}"
    first = run.stdout.split(" ", 1)[0].strip()
    assert first in ("READ", "REFUSED"), run.stdout
    if first == "REFUSED":
        # A refusal says why in words, not an empty or internal message.
        assert len(run.stdout.strip()) > len("REFUSED ") + 10, run.stdout
