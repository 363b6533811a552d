"""render_many: parallel, per-item results, and Ctrl-C."""

import os
import queue
import signal
import threading

import pytest
import vanban


def items(plan, count, bad=()):
    out = []
    for i in range(count):
        item = dict(plan, number=i + 1, issuer=dict(plan["issuer"]))
        if i in bad:
            del item["issuer"]["name"]
        out.append(item)
    return out


def test_200_items_with_2_bad_ones(plan, tmp_path):
    results = vanban.render_many(items(plan, 200, bad={17, 150}), tmp_path, jobs=2)
    assert [r.index for r in results] == list(range(200))
    failed = [r for r in results if not r.ok]
    assert [r.index for r in failed] == [17, 150]
    for r in failed:
        assert isinstance(r.error, vanban.ValidationError)
        assert r.error.errors[0]["path"] == "issuer.name"
        assert r.paths == []
    good = [r for r in results if r.ok]
    assert len(good) == 198
    for r in good:
        assert [os.path.splitext(p)[1] for p in r.paths] == [".docx", ".pdf"]
        assert all(os.path.exists(p) for p in r.paths)
    assert len(os.listdir(tmp_path)) == 2 * 198  # no temporary files left
    # Same bytes as rendering one by one.
    one = vanban.Document(items(plan, 4)[3])
    assert open(results[3].paths[0], "rb").read() == one.to_docx()
    assert open(results[3].paths[1], "rb").read() == one.to_pdf()


def test_any_iterable_and_names_from_a_field(plan, tmp_path):
    rows = ({**plan, "number": n, "unit": f"Phòng {n}/A"} for n in (1, 2, 2))
    # `unit` is not an input field: stripping it shows the name is read
    # before validation, and an invalid item still gets a result.
    results = vanban.render_many(rows, tmp_path, formats="docx", name_field="unit")
    assert all(not r.ok for r in results)
    # Names are ASCII slugs, as the CLI's; a repeated name gets -2.
    assert [r.name for r in results] == ["phong-1-a", "phong-2-a", "phong-2-a-2"]

    rows = [{**plan, "number": n, "signer": {**plan["signer"], "name": f"Người {n}"}} for n in (1, 2)]
    results = vanban.render_many(rows, tmp_path, formats=["docx"], name_field="number")
    assert [os.path.basename(p) for r in results for p in r.paths] == ["1.docx", "2.docx"]


def test_an_item_that_is_not_a_mapping_fails_alone(plan, tmp_path):
    results = vanban.render_many([plan, object(), plan], tmp_path, formats=("pdf",))
    assert [r.ok for r in results] == [True, False, True]
    assert isinstance(results[1].error, TypeError)


def test_bad_arguments_raise_at_once(plan, tmp_path):
    with pytest.raises(ValueError, match="unknown format"):
        vanban.render_many([plan], tmp_path, formats=("odt",))
    with pytest.raises(vanban.TemplateError):
        vanban.render_many([plan], tmp_path, template="no-such-template")
    assert vanban.render_many([], tmp_path) == []


@pytest.fixture
def ctrl_c_raises():
    # A shell starts a background job (`scripts/test &`, nohup, some CI
    # runners) with SIGINT ignored, and Python then installs no handler of
    # its own: the signal would be dropped and the test would fail for the
    # way it was started. Install Python's usual handler for this test.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


@pytest.mark.skipif(os.name != "posix", reason="sends SIGINT to itself")
def test_ctrl_c_stops_promptly(plan, tmp_path, ctrl_c_raises):
    # The signal is sent once the first document is written, not after a
    # fixed delay: on a busy machine a timer could fire before the render
    # began or after it ended. `progress` is a C callable (SimpleQueue.put),
    # so no Python code runs during the render: the signal must be seen by
    # render_many's own check, as a Ctrl-C typed during a run would be.
    many = items(plan, 5000)
    first = queue.SimpleQueue()
    sent = []

    def interrupt():
        first.get()
        # Progress reports still queued when the signal goes.
        sent.append(first.qsize())
        os.kill(os.getpid(), signal.SIGINT)

    sender = threading.Thread(target=interrupt, daemon=True)
    sender.start()
    with pytest.raises(KeyboardInterrupt):
        vanban.render_many(many, tmp_path, formats="docx", jobs=2, progress=first.put)
    sender.join()
    # Promptly, counted in documents rather than seconds (a busy machine
    # slows the render and the check alike): after the signal, only a small
    # part of what was left is written.
    queued = sent[0]
    before = 1 + queued
    after = first.qsize() - queued
    left = os.listdir(tmp_path)
    assert len(left) < 5000
    assert after < (5000 - before) // 2, f"{after} documents written after the signal"
    assert not [f for f in left if f.startswith(".")], "no temporary file left"


def test_documents_already_made(plan, tmp_path):
    docs = [vanban.Document(item) for item in items(plan, 3)]
    results = vanban.render_many(docs, tmp_path, formats="docx", name_field="number")
    assert [r.name for r in results] == ["1", "2", "3"]
    assert open(results[2].paths[0], "rb").read() == docs[2].to_docx()
    results = vanban.render_many(docs[:1], tmp_path, template="bao-cao-ket-qua-nam")
    assert isinstance(results[0].error, TypeError)
