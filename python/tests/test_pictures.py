"""Signature and seal pictures: a file's picture paths are relative to the
file, as the CLI reads them, wherever Python runs from."""

import os
import pickle
import shutil
import subprocess

import pytest
import vanban

from conftest import REPO

PICTURES = REPO / "tests" / "pictures"


@pytest.fixture
def signed_plan(tmp_path):
    """The signed plan and its two PNGs, copied into a folder of their own."""
    folder = tmp_path / "ho-so"
    folder.mkdir()
    for name in ("ke-hoach-ky.yaml", "signature.png", "seal.png"):
        shutil.copy(PICTURES / name, folder / name)
    return folder / "ke-hoach-ky.yaml"


def pictures_drawn(pdf: bytes, tmp_path) -> int:
    """The images a PDF draws, as poppler lists them (not their soft masks)."""
    path = tmp_path / "drawn.pdf"
    path.write_bytes(pdf)
    listing = subprocess.run(
        ["pdfimages", "-list", str(path)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    return sum(1 for row in listing if row.split()[2] == "image")


def test_pictures_are_found_beside_the_file_not_in_the_working_folder(
    signed_plan, tmp_path, monkeypatch
):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    doc = vanban.Document.from_file(signed_plan)
    # The signature and the seal, both drawn.
    assert pictures_drawn(doc.to_pdf(), tmp_path) == 2


def test_the_same_bytes_as_the_cli(signed_plan, tmp_path, monkeypatch):
    # python/ci.sh builds the CLI and names it.
    cli = os.environ.get("VANBAN_CLI", str(REPO / "target" / "release" / "vanban"))
    out = tmp_path / "cli"
    subprocess.run(
        [cli, "render", str(signed_plan), "-o", str(out), "-f", "docx"],
        check=True,
        cwd=tmp_path,
    )
    monkeypatch.chdir(tmp_path)
    made = (out / "ke-hoach-ky.docx").read_bytes()
    assert vanban.Document.from_file(signed_plan).to_docx() == made


def test_a_pickled_document_finds_its_pictures_from_another_folder(
    signed_plan, tmp_path, monkeypatch
):
    monkeypatch.chdir(signed_plan.parent)
    # A relative path, as a user in that folder types it.
    doc = vanban.Document.from_file("ke-hoach-ky.yaml")
    state = pickle.dumps(doc)
    monkeypatch.chdir(tmp_path)
    again = pickle.loads(state)
    assert again.to_docx() == doc.to_docx()


def test_a_missing_picture_names_its_field_and_the_file(signed_plan):
    (signed_plan.parent / "seal.png").unlink()
    with pytest.raises(vanban.ValidationError) as caught:
        vanban.Document.from_file(signed_plan)
    text = str(caught.value)
    assert "seal.image" in text and "ke-hoach-ky.yaml" in text
