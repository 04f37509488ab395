"""The GIL is released while files are parsed and validated."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import lienthong


def test_threads_validate_concurrently() -> None:
    data = lienthong.gen(hoso=300, seed=3)
    expected = lienthong.validate(data).to_dict()
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: lienthong.validate(data).to_dict(), range(8)))
    assert all(r == expected for r in results)


def test_gil_released_during_validation() -> None:
    """A pure-Python thread keeps running while another thread validates."""
    data = lienthong.gen(hoso=1500, seed=4)
    ticks = 0
    stop = threading.Event()

    def spin() -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            time.sleep(0)

    t = threading.Thread(target=spin)
    t.start()
    try:
        while ticks == 0:
            time.sleep(0.001)
        start_ticks = ticks
        start = time.perf_counter()
        lienthong.validate(data)
        elapsed = time.perf_counter() - start
        before = ticks - start_ticks
        # With the GIL held for the whole call the spinner could not have run at all during it
        # (switch interval 5 ms): require that it ran many times.
        assert elapsed > 0
        assert before > 10, (before, elapsed)
    finally:
        stop.set()
        t.join()


def test_reader_in_threads() -> None:
    data = lienthong.gen(hoso=50, seed=9)

    def count(_: int) -> int:
        return sum(1 for _ in lienthong.read(data))

    with ThreadPoolExecutor(max_workers=3) as pool:
        assert list(pool.map(count, range(3))) == [50, 50, 50]
