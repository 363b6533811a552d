"""The seed plan from a dict: its text, and the same bytes as the CLI."""

import os
import subprocess
from pathlib import Path

import pytest
import vanban

from conftest import REPO, SEED_YAML, docx_paragraphs, seed_lines


def test_seed_round_trip_from_a_dict(plan):
    paragraphs = docx_paragraphs(vanban.Document(plan).to_docx())
    expected = seed_lines()
    # Every seed line appears, in the seed's order.
    position = 0
    for line in expected:
        try:
            position = paragraphs.index(line, position) + 1
        except ValueError:
            pytest.fail(f"seed line missing or out of order: {line!r}")


def cli():
    """The CLI binary built from this checkout, or skip."""
    path = Path(os.environ.get("VANBAN_CLI", REPO / "target" / "release" / "vanban"))
    if not path.exists():
        pytest.skip(f"CLI not built ({path}); run `cargo build --release -p vanban-cli`")
    return path


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_bytes_identical_to_the_cli(plan, tmp_path, fmt):
    binary = cli()
    run = subprocess.run(
        [str(binary), "render", str(SEED_YAML), "-o", str(tmp_path), "--format", fmt],
        capture_output=True,
        text=True,
    )
    if run.returncode != 0 and "unknown format" in run.stderr:
        pytest.skip(f"this CLI cannot write {fmt} yet: {run.stderr.strip()}")
    assert run.returncode == 0, run.stderr
    (written,) = tmp_path.glob(f"*.{fmt}")
    doc = vanban.Document(plan)
    assert written.read_bytes() == (doc.to_docx() if fmt == "docx" else doc.to_pdf())
