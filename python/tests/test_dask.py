"""Beyond one machine: Documents, errors and results pickle, and
vanban.dask renders a Dask DataFrame on a LocalCluster of 2 processes
exactly as one render_many call does (same names, same bytes)."""

import os
import pickle
import random
import sys

import pytest
import vanban

from conftest import REPO

# python/ci.sh installs the `dask` extra: in CI (CI=true) a missing one fails.
if os.environ.get("CI"):
    import pandas
    import dask.dataframe as dd
    import dask.distributed as distributed
else:
    pandas = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("dask.distributed")
import vanban.dask  # noqa: E402

sys.path.insert(0, str(REPO / "benches"))
import make_rows  # noqa: E402  (the benchmark's year-end-report rows)


def year_end_frame(count):
    rng = random.Random(2024)
    return pandas.DataFrame([make_rows.row(i, rng) for i in range(count)])


def test_documents_errors_and_results_pickle(plan, tmp_path):
    doc = vanban.Document(plan)
    again = pickle.loads(pickle.dumps(doc))
    assert again.to_pdf() == doc.to_pdf() and again.to_docx() == doc.to_docx()
    from_file = vanban.Document.from_file(REPO / "examples" / "ke-hoach-1026.yaml")
    assert pickle.loads(pickle.dumps(from_file)).to_docx() == from_file.to_docx()
    rows = year_end_frame(1).to_dict("records")
    report = vanban.render_template("bao-cao-ket-qua-nam", vanban.dask.unflatten(rows[0]))
    assert pickle.loads(pickle.dumps(report)).to_pdf() == report.to_pdf()

    with pytest.raises(vanban.ValidationError) as invalid:
        vanban.Document({"kind": "ke-hoach"})
    copy = pickle.loads(pickle.dumps(invalid.value))
    assert type(copy) is vanban.ValidationError and copy.errors == invalid.value.errors
    with pytest.raises(vanban.TemplateError) as bad:
        vanban.render_template("bao-cao-ket-qua-nam", {"place": "X"})
    copy = pickle.loads(pickle.dumps(bad.value))
    assert type(copy) is vanban.TemplateError and str(copy) == str(bad.value)
    assert copy.data_path == bad.value.data_path

    results = vanban.render_many([plan, {"kind": "ke-hoach"}], tmp_path, formats="docx")
    copies = pickle.loads(pickle.dumps(results))
    assert [(r.index, r.name, r.paths, r.ok) for r in copies] == [(r.index, r.name, r.paths, r.ok) for r in results]
    assert isinstance(copies[1].error, vanban.ValidationError)


def test_file_names_are_those_render_many_gives():
    names = vanban.file_names(["Xã An Bình", None, "XÃ AN BÌNH", 7], template="bao-cao")
    assert names == ["xa-an-binh", "bao-cao-002", "xa-an-binh-2", "7"]


def test_a_local_cluster_renders_2000_reports_byte_identical_to_render_many(tmp_path):
    frame = year_end_frame(2000)
    frame.loc[7, "date"] = "2024-02-30"  # one bad row: its error is kept
    ddf = dd.from_pandas(frame, npartitions=8)
    # `parent` is one of 5 districts: 400 rows share each name.
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster):
        results = vanban.dask.render_partitions(
            ddf, tmp_path / "dask", template="bao-cao-ket-qua-nam", name_field="parent")
        as_bytes = vanban.dask.render_partitions(
            ddf.partitions[:1], None, template="bao-cao-ket-qua-nam", name_field="parent", to_bytes=True)

    rows = [vanban.dask.unflatten(r) for r in frame.to_dict("records")]
    expected = vanban.render_many(rows, tmp_path / "many", template="bao-cao-ket-qua-nam",
                                  name_field="parent", jobs=2)
    assert [r.index for r in results] == list(range(2000))
    assert [r.name for r in results] == [r.name for r in expected]
    assert [r.ok for r in results] == [r.ok for r in expected] == [i != 7 for i in range(2000)]
    assert isinstance(results[7].error, vanban.ValidationError)

    files = sorted(os.listdir(tmp_path / "many"))
    assert len(files) == 1999 * 2, "every document kept despite 400 rows per name"
    assert sorted(os.listdir(tmp_path / "dask")) == files
    for name in files:
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "many" / name).read_bytes(), name

    first = expected[: len(as_bytes)]
    assert [b.name for b in as_bytes] == [r.name for r in first]
    for got, want in zip(as_bytes, first):
        assert got.ok == want.ok
        for path in want.paths:
            fmt = path.rsplit(".", 1)[1]
            assert got.files[fmt] == open(path, "rb").read()
