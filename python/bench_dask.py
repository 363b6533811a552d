"""Throughput of vanban.dask on a LocalCluster next to render_many (not a
test: figures vary by machine).

    pip install ./python[dask]
    python python/bench_dask.py [--rows 2000] [--workers 2] [--formats docx,pdf]

Renders the same generated year-end reports (benches/make_rows.py) with one
`render_many` call (one thread per worker) and with
`vanban.dask.render_partitions` on a LocalCluster of worker processes (one
thread each), and prints documents per second for both. On one machine the
cluster can only lose (pickling, scheduling, process start); its point is to
add machines.
"""

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Import the installed package, not the source folder beside this file.
sys.path = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(HERE.parent / "benches"))

import pandas  # noqa: E402
import dask.dataframe as dd  # noqa: E402
from dask.distributed import Client, LocalCluster  # noqa: E402

import make_rows  # noqa: E402
import vanban  # noqa: E402
import vanban.dask  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--formats", default="docx,pdf")
    args = parser.parse_args()

    rng = random.Random(2024)
    frame = pandas.DataFrame([make_rows.row(i, rng) for i in range(args.rows)])
    rows = [vanban.dask.unflatten(r) for r in frame.to_dict("records")]
    template = "bao-cao-ket-qua-nam"
    print(f"{args.rows} year-end reports, {args.formats}, {args.workers} workers")

    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        results = vanban.render_many(rows, out, formats=args.formats, template=template, jobs=args.workers)
        many = time.perf_counter() - start
        assert all(r.ok for r in results)
    print(f"  render_many, {args.workers} threads: {many:.2f} s = {args.rows / many:.0f} documents/s")

    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster):
        ddf = dd.from_pandas(frame, npartitions=4 * args.workers).persist()
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            results = vanban.dask.render_partitions(ddf, out, template=template, formats=args.formats)
            dask_time = time.perf_counter() - start
            assert all(r.ok for r in results)
    print(f"  vanban.dask, {args.workers} processes: {dask_time:.2f} s = {args.rows / dask_time:.0f} documents/s"
          f" ({many / dask_time:.2f}× render_many)")


if __name__ == "__main__":
    main()
