"""vanban.sign, vanban.verify and Document.save(sign=[…], pdfa=True): keys
made here with the openssl command (no private key is committed); the seed
plan signed by the signer, then the office, verifies in vanban and (when it
can be run) in pyHanko; hostile PDFs and a wrong password are refused with
a ValueError, in a subprocess, and the interpreter survives."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import vanban

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "examples" / "ke-hoach-1026.yaml"
PICTURES = REPO / "tests" / "pictures" / "ke-hoach-ky.yaml"
PYHANKO_CHECK = REPO / "crates" / "vanban-sign" / "tests" / "pyhanko_check.py"
PASSWORD = "mật khẩu thử"
# After the test certificates are made (now), within their ten years.
TIME = "2030-06-01T09:00:00+07:00"


def openssl(cwd, *args):
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def keys(tmp_path_factory):
    """A CA, a signer (a person) and an office, each in a .p12 file."""
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is needed to make test keys")
    d = tmp_path_factory.mktemp("keys")
    openssl(d, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
            "-days", "3650", "-utf8", "-subj", "/C=VN/O=vanban test/CN=vanban test CA",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign")
    (d / "leaf.cnf").write_text("keyUsage=critical,digitalSignature,nonRepudiation\nbasicConstraints=CA:FALSE\n")
    for name, subject, serial in [
        ("signer", "/C=VN/O=UBND tỉnh Tây Ninh/CN=Nguyễn Văn An", "2"),
        ("office", "/C=VN/O=UBND tỉnh Tây Ninh/CN=Văn phòng UBND tỉnh Tây Ninh", "3"),
    ]:
        openssl(d, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{name}.key", "-out", f"{name}.csr",
                "-utf8", "-subj", subject)
        openssl(d, "x509", "-req", "-in", f"{name}.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                "-set_serial", serial, "-days", "3650", "-extfile", "leaf.cnf", "-out", f"{name}.pem")
        openssl(d, "pkcs12", "-export", "-inkey", f"{name}.key", "-in", f"{name}.pem", "-certfile", "ca.pem",
                "-out", f"{name}.p12", "-passout", f"pass:{PASSWORD}")
    return d


def pyhanko_validate(pdf_path, ca):
    """pyHanko's view of each signature (one dict each), or None when
    pyHanko cannot be run: importable here, or the Python of
    $VANBAN_PYHANKO (the tools virtualenv scripts/test makes)."""
    python = None
    try:
        import pyhanko  # noqa: F401

        python = sys.executable
    except ImportError:
        env = os.environ.get("VANBAN_PYHANKO")
        if env and Path(env).exists():
            python = env
    if python is None:
        return None
    done = subprocess.run(
        [python, str(PYHANKO_CHECK), "validate", str(pdf_path), str(ca)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    import json

    return [json.loads(line) for line in done.stdout.splitlines()]


def test_sign_twice_then_verify_reads_both(keys):
    pdf = vanban.Document.from_file(SEED).to_pdf()
    once = vanban.sign(pdf, keys / "signer.p12", role="signer", password=PASSWORD, time=TIME)
    twice = vanban.sign(once, keys / "office.p12", role="office", password=PASSWORD, time=TIME)
    # Incremental: the bytes before stay as they were.
    assert once.startswith(pdf) and twice.startswith(once) and len(twice) > len(once)
    found = vanban.verify(twice, trust=keys / "ca.pem")["signatures"]
    assert [s["role"] for s in found] == ["signer", "office"]
    assert [s["signer"] for s in found] == ["Nguyễn Văn An", "Văn phòng UBND tỉnh Tây Ninh"]
    assert [s["covers_whole_file"] for s in found] == [False, True]
    assert all(s["intact"] and s["trusted"] and s["time"] == TIME for s in found)
    # Same input, key and time: the same bytes.
    assert vanban.sign(pdf, keys / "signer.p12", role="signer", password=PASSWORD, time=TIME) == once
    # One byte changed inside the signed ranges breaks both.
    bad = bytearray(twice)
    at = bad.index(b"stream\n") + 17
    bad[at] ^= 1
    assert not any(s["intact"] for s in vanban.verify(bytes(bad))["signatures"])


def test_an_attachment_is_signed_by_the_office_only(keys):
    pdf = vanban.Document.from_file(SEED).to_pdf()
    with pytest.raises(ValueError, match="office"):
        vanban.sign(pdf, keys / "signer.p12", role="signer", password=PASSWORD, attachment="1026/KH-VP")
    signed = vanban.sign(pdf, keys / "office.p12", role="office", password=PASSWORD, time=TIME,
                         attachment="1026/KH-VP")
    (s,) = vanban.verify(signed)["signatures"]
    assert s["intact"] and s["role"] == "office"


def test_save_signs_with_the_pictures_in_place_as_pdfa(keys, tmp_path, monkeypatch):
    monkeypatch.setenv("VANBAN_P12_PASSWORD", PASSWORD)
    # Document.from_file reads the pictures' paths from the working folder.
    monkeypatch.chdir(PICTURES.parent)
    doc = vanban.Document.from_file(PICTURES)
    out = tmp_path / "ke-hoach.pdf"
    doc.save(out, sign=[keys / "signer.p12", keys / "office.p12"], sign_time=TIME, pdfa=True)
    data = out.read_bytes()
    found = vanban.verify(data, trust=keys / "ca.pem")["signatures"]
    assert [(s["role"], s["intact"], s["trusted"]) for s in found] == [
        ("signer", True, True),
        ("office", True, True),
    ]
    # PDF/A-2b kept: the identification and the output intent of the first
    # revision are still the catalog's (the updates do not replace them).
    assert b"<pdfaid:part>2</pdfaid:part>" in data and b"/OutputIntents" in data
    # The pictures are the signatures' appearances, so the linter finds them.
    assert not [f for f in vanban.lint(data) if "image" in f["rule"]]
    # The same document, keys and time: the same bytes.
    again = tmp_path / "again.pdf"
    doc.save(again, sign=[keys / "signer.p12", keys / "office.p12"], sign_time=TIME, pdfa=True)
    assert again.read_bytes() == data
    checked = pyhanko_validate(out, keys / "ca.pem")
    if checked is not None:
        assert len(checked) == 2
        assert all(s["intact"] and s["valid"] and s["trusted"] for s in checked), checked
        assert checked[0]["modification_level"] == "ModificationLevel.FORM_FILLING", checked


def test_sign_refuses_a_docx(keys, tmp_path, monkeypatch):
    monkeypatch.setenv("VANBAN_P12_PASSWORD", PASSWORD)
    with pytest.raises(ValueError, match="only a PDF"):
        vanban.Document.from_file(SEED).save(tmp_path / "x.docx", sign=[keys / "signer.p12"])
    assert not (tmp_path / "x.docx").exists()


SCRIPT = """
import sys, vanban
case, p12, password = sys.argv[1], sys.argv[2], sys.argv[3]
pdf = vanban.Document.from_file(sys.argv[4]).to_pdf()
data = {
    "garbage": bytes(range(256)) * 64,
    "empty": b"",
    "truncated": pdf[: len(pdf) // 2],
    "no-xref": pdf.replace(b"startxref", b"startxrey"),
    "header-only": b"%PDF-1.7\\n%%EOF\\n",
    "wrong-password": pdf,
}[case]
if case == "wrong-password":
    password = "not the password"
try:
    vanban.sign(data, p12, role="signer", password=password)
    print("SIGNED")
except ValueError as e:
    print("REFUSED", e)
"""


@pytest.mark.parametrize("case", ["garbage", "empty", "truncated", "no-xref", "header-only", "wrong-password"])
def test_hostile_input_is_refused_and_the_interpreter_survives(keys, case):
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, case, str(keys / "signer.p12"), PASSWORD, str(SEED)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("REFUSED"), done.stdout
    if case == "wrong-password":
        assert "signer.p12" in done.stdout and "password" in done.stdout.lower(), done.stdout
