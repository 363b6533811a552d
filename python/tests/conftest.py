"""Shared fixtures: the repository's files, the seed plan, DOCX text."""

import copy
import re
import sys
import zipfile
from io import BytesIO
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEED_YAML = REPO / "examples" / "ke-hoach-1026.yaml"

sys.path.insert(0, str(REPO / "examples" / "python"))
import ke_hoach  # noqa: E402  (the seed plan as a Python dict)


@pytest.fixture
def plan():
    """A fresh copy of the seed plan dict, safe to modify."""
    return copy.deepcopy(ke_hoach.PLAN)


def seed_lines():
    """The seed plan's text, one non-empty normalised line each, or skip."""
    path = REPO / "tests" / "seed" / "ke-hoach-1026-KH-VP.txt"
    lines = (normalise(l) for l in path.read_text(encoding="utf-8").splitlines())
    return [l for l in lines if l]


def normalise(text):
    return " ".join(text.split())


def docx_paragraphs(docx):
    """Text of each non-empty paragraph of word/document.xml, in order."""
    with zipfile.ZipFile(BytesIO(docx)) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    # A symbol's hyphens are written as non-breaking hyphens.
    xml = xml.replace("<w:noBreakHyphen />", "<w:t>-</w:t>")
    paragraphs = []
    for chunk in re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S):
        text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", chunk))
        text = normalise(unescape(text))
        if text:
            paragraphs.append(text)
    return paragraphs


def unescape(text):
    return (
        text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&apos;", "'")
        .replace("&amp;", "&")
    )
