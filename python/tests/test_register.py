"""vanban.Register: numbers from one database, from threads and pickles."""

import pickle
import threading

import pytest

import vanban

PLAN = {
    "kind": "ke-hoach",
    "parent": "UBND TỈNH TÂY NINH",
    "issuer": {"name": "VĂN PHÒNG", "abbreviation": "VP"},
    "place": "Tây Ninh",
    "summary": "Tuyên truyền thi đua năm 2026",
    "body": "Tuyên truyền sâu rộng trong toàn thể công chức.",
    "recipients": ["Như trên"],
    "archive": {"units": ["VP"]},
    "signer": {"title": "CHÁNH VĂN PHÒNG", "name": "Đoàn Minh Long"},
}


def test_issue_numbers_records_and_renders(tmp_path):
    reg = vanban.Register.init(tmp_path / "so.db", office="Văn phòng UBND tỉnh Tây Ninh")
    doc = vanban.Document(PLAN)
    first = reg.issue(doc, tmp_path / "out", date="2026-03-08")
    second = reg.issue(doc, tmp_path / "out", formats=["pdf"], date="2026-03-08")
    assert (first["number"], second["number"]) == (1, 2)
    assert first["symbol"] == "KH-VP" and first["date"] == "2026-03-08"
    assert first["render_status"] == "done"
    assert sorted(f["path"].rsplit(".", 1)[1] for f in first["files"]) == ["docx", "pdf"]
    assert (tmp_path / "out" / "2026-02-KH-VP.pdf").exists()
    held = reg.reserve("KH", "KH-VP", date="2026-03-09")
    assert (held["number"], held["status"]) == (3, "reserved")
    void = reg.void("02/KH-VP", "ký nhầm")
    assert void["status"] == "void" and void["void_reason"] == "ký nhầm"
    assert [e["number"] for e in reg.entries(year=2026)] == [1, 2, 3]
    assert [e["number"] for e in reg.entries(text="KÝ NHẦM")] == [2]


def test_errors_are_register_errors(tmp_path):
    reg = vanban.Register.init(tmp_path / "so.db")
    reg.reserve("KH", "KH-VP")
    with pytest.raises(vanban.RegisterError, match="reason"):
        reg.void(1, " ")
    with pytest.raises(vanban.RegisterError, match="already exists"):
        vanban.Register.init(tmp_path / "so.db")
    (tmp_path / "notes.db").write_text("không phải sổ đăng ký " * 10)
    with pytest.raises(vanban.RegisterError, match="not a vanban register"):
        vanban.Register(tmp_path / "notes.db")
    auditor = vanban.Register(tmp_path / "so.db", read_only=True)
    with pytest.raises(vanban.RegisterError, match="read-only"):
        auditor.reserve("KH", "KH-VP")
    assert isinstance(vanban.RegisterError("x"), ValueError)


def test_receive_reads_the_document(tmp_path):
    sent = dict(PLAN, number=45, date="2026-02-12")
    vanban.Document(sent).save(tmp_path / "den.docx")
    reg = vanban.Register.init(tmp_path / "so.db")
    entry = reg.receive(tmp_path / "den.docx", date="2026-03-09")
    assert entry["incoming_number"] == 1 and entry["received_on"] == "2026-03-09"
    assert (entry["number"], entry["symbol"], entry["date"], entry["kind"]) == (
        45,
        "KH-VP",
        "2026-02-12",
        "ke-hoach",
    )
    with pytest.raises(vanban.RegisterError, match="already received"):
        reg.receive(tmp_path / "den.docx")
    assert len(reg.entries(incoming=True)) == 1


def test_threads_and_pickles_share_one_sequence(tmp_path):
    reg = vanban.Register.init(tmp_path / "so.db")
    copy = pickle.loads(pickle.dumps(reg))
    assert copy.url == reg.url and repr(copy) == repr(reg)
    doc = vanban.Document(PLAN)
    numbers = []

    def work(r):
        for _ in range(10):
            numbers.append(r.issue(doc, tmp_path / "out", formats=["docx"], date="2026-03-08")["number"])

    threads = [threading.Thread(target=work, args=(r,)) for r in (reg, copy, vanban.Register(reg.url))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(numbers) == list(range(1, 31))
