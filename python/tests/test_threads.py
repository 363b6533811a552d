"""Threads and memory: the GIL is released, results are deterministic, and
repeated renders do not leak."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import vanban


def test_eight_threads_render_identical_bytes(plan):
    doc = vanban.Document(plan)
    expected_docx, expected_pdf = doc.to_docx(), doc.to_pdf()
    barrier = threading.Barrier(8)

    def work(_):
        barrier.wait()
        # Each thread also builds its own Document from the dict.
        own = vanban.Document(plan)
        return [(doc.to_docx(), own.to_pdf()) for _ in range(5)]

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(8)))
    for per_thread in results:
        for docx, pdf in per_thread:
            assert docx == expected_docx
            assert pdf == expected_pdf


def rss_kib():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    pytest.skip("no /proc/self/status on this system")


def test_rss_grows_less_than_10_mb_over_2000_renders(plan):
    # Warm up: allocator pools, fonts, lazily built tables.
    for _ in range(50):
        vanban.Document(plan).to_docx()
    before = rss_kib()
    for _ in range(2000):
        vanban.Document(plan).to_docx()
    grown = rss_kib() - before
    assert grown < 10 * 1024, f"RSS grew by {grown} KiB"
