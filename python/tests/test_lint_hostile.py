"""vanban.lint on files from strangers: each hostile file of
tests/lint-hostile (cases.tsv says what it must give) is linted or refused
with a ValueError naming what was exceeded, in a subprocess, and the
interpreter survives (no SIGSEGV, no abort, no memory blow-up)."""

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
HOSTILE = REPO / "tests" / "lint-hostile"


def cases():
    for line in (HOSTILE / "cases.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            cols = line.split("\t")
            yield cols[0], cols[1], cols[2] if len(cols) > 2 else None


SCRIPT = """
import sys, vanban
source = sys.argv[1]
if sys.argv[2] == "bytes":
    source = open(source, "rb").read()
try:
    vanban.lint(source)
    print("READ")
except ValueError as e:
    print("REFUSED", e)
"""


@pytest.mark.parametrize("how", ["path", "bytes"])
@pytest.mark.parametrize("name,outcome,reason", list(cases()))
def test_the_interpreter_survives_each_hostile_file(name, outcome, reason, how):
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(HOSTILE / name), how],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    if outcome == "read":
        assert done.stdout.startswith("READ"), done.stdout
    else:
        assert done.stdout.startswith("REFUSED"), done.stdout
        assert reason in done.stdout, done.stdout


def test_dev_zero_is_read_up_to_the_limit_only():
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, "/dev/zero", "path"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "--max-file-bytes" in done.stdout, done.stdout
