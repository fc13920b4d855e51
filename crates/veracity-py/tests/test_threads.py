"""The GIL is released while Rust works: other Python threads run meanwhile,
and calls from many threads at once finish (no deadlock)."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import veracity

from conftest import CORPUS

CLAIM = "The desalination plant supplies forty percent of the city's drinking water."
TIMEOUT = 120


def test_calls_from_many_threads_finish_and_agree():
    corpus = veracity.ingest(CORPUS)
    texts = [p.read_bytes() for p in sorted(CORPUS.iterdir())]
    expected_check = veracity.check_json(corpus, CLAIM)
    expected_parse = [veracity.parse(t, location=f"items[{i}]") for i, t in enumerate(texts)]

    def work(n):
        if n % 3 == 0:
            return "check", veracity.check_json(corpus, CLAIM)
        if n % 3 == 1:
            return "parse", veracity.parse_many(texts, jobs=2)
        return "ingest", veracity.ingest(CORPUS)["documents"]

    with ThreadPoolExecutor(max_workers=6) as pool:
        futures = [pool.submit(work, n) for n in range(12)]
        results = [f.result(timeout=TIMEOUT) for f in futures]
    for kind, value in results:
        if kind == "check":
            assert value == expected_check
        elif kind == "parse":
            assert value == expected_parse
        else:
            assert value == corpus["documents"]


def test_python_threads_run_while_rust_works():
    ticks = 0
    stop = threading.Event()

    def count():
        nonlocal ticks
        while not stop.is_set():
            ticks += 1

    counter = threading.Thread(target=count)
    counter.start()
    try:
        data = [p.read_bytes() for p in sorted(CORPUS.iterdir())] * 40
        before = ticks
        started = time.perf_counter()
        veracity.parse_many(data, jobs=1)
        seconds = time.perf_counter() - started
        during = ticks - before
        # The counter alone for as long: its rate with the GIL all its own.
        before = ticks
        time.sleep(seconds)
        alone = ticks - before
    finally:
        stop.set()
        counter.join(TIMEOUT)
    # Holding the GIL, the call would leave the counter only the moments
    # around it (a few percent of `alone`); released, it counts throughout.
    assert during > alone / 4, (during, alone)


def test_the_garbage_collector_is_left_as_it_was():
    import gc

    corpus = veracity.ingest(CORPUS)
    assert gc.isenabled()
    veracity.check(corpus, CLAIM)
    veracity.parse_many([b"Rain is expected. The river may rise."])
    assert gc.isenabled()
    gc.disable()
    try:
        veracity.ingest(CORPUS)
        assert not gc.isenabled()
    finally:
        gc.enable()
