"""Peak memory of render_many against the number of items (not a test:
figures vary by machine). Each run is a fresh interpreter, whose peak
resident set (ru_maxrss) is read when it ends.

    python python/bench_memory.py [--small 1000] [--large 10000] [--jobs 2] [--source generator|csv|list]

Renders year-end reports (template bao-cao-ket-qua-nam, DOCX) from rows
made by benches/make_rows.py: from a generator (default), from a CSV path,
or from a list built first (for comparison: it holds every row). Exits 1
when the large run's peak is more than twice the small run's.
"""

import argparse
import csv
import random
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
# Running this file puts python/ first on sys.path, where vanban/ is the
# source without its compiled half: import the installed package instead.
sys.path = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(REPO / "benches"))
sys.path.insert(0, str(REPO / "examples" / "python"))


def child(count, source, jobs, work):
    """One run, in this (fresh) process."""
    import vanban
    import make_rows
    from bao_cao_nam import unflatten

    def rows():
        rng = random.Random(2024)
        for i in range(count):
            yield make_rows.row(i, rng)

    out = Path(work) / "out"
    if source == "csv":
        items = Path(work) / "rows.csv"
        with open(items, "w", encoding="utf-8", newline="") as f:
            writer = None
            for row in rows():
                if writer is None:
                    writer = csv.DictWriter(f, fieldnames=list(row))
                    writer.writeheader()
                writer.writerow(row)
    elif source == "list":
        items = [unflatten(r) for r in rows()]
    else:
        items = (unflatten(r) for r in rows())
    results = vanban.render_many(items, out, template="bao-cao-ket-qua-nam", formats="docx", jobs=jobs)
    failed = sum(not r.ok for r in results)
    if failed:
        raise SystemExit(f"{failed} of {count} items failed: {next(r.error for r in results if not r.ok)}")


def peak_mib(count, source, jobs):
    """Peak RSS, in MiB, of a fresh interpreter rendering `count` items."""
    with tempfile.TemporaryDirectory() as work:
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        subprocess.run(
            [sys.executable, __file__, "--child", str(count), "--source", source,
             "--jobs", str(jobs), "--work", work],
            check=True,
        )
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # RUSAGE_CHILDREN keeps the largest child's peak: run the small one first.
    if peak <= before:
        raise SystemExit("measure the smaller run first (ru_maxrss of children is a maximum)")
    return peak / 1024  # Linux reports KiB


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=10000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--source", choices=("generator", "csv", "list"), default="generator")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--work", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, args.source, args.jobs, args.work)
        return 0
    small = peak_mib(args.small, args.source, args.jobs)
    large = peak_mib(args.large, args.source, args.jobs)
    ratio = large / small
    print(f"render_many from a {args.source}, DOCX, {args.jobs} jobs: peak RSS "
          f"{small:.1f} MiB for {args.small} items, {large:.1f} MiB for {args.large} ({ratio:.2f}×)")
    return 0 if ratio <= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
