"""Parsing throughput of the Python package against the `veracity` binary,
and the per-call overhead of `parse` on small documents.

    python crates/veracity-py/bench/bench_parse.py --cli target/release/veracity

Build both in release mode first (`cargo build --release -p veracity-cli`,
`maturin develop --release` or a release wheel). The inputs: the example
corpus copied COPIES times into one folder (the corpus alone is a few
milliseconds of work, under the binary's start-up), and N generated
documents from `cargo xtask gen-corpus` (written once under target/).
Each figure is the median of RUNS timed runs after one warm-up run. The
figures in docs/python.md come from this script.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import veracity

ROOT = Path(__file__).resolve().parents[3]
SMALL = (
    "Council approves new bus shelter\n\n"
    "The council approved a bus shelter on Quay Road, the transport officer said. "
    "It will cost 12,000 dollars.\n"
)


def median_time(run, runs):
    run()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def files_under(folder):
    return sorted(p for p in Path(folder).rglob("*") if p.is_file())


def bench_folder(label, folder, cli, runs, jobs):
    paths = files_under(folder)
    data = [p.read_bytes() for p in paths]
    megabytes = sum(map(len, data)) / 1e6
    print(f"\n{label}: {len(paths)} files, {megabytes:.2f} MB, {jobs} threads, median of {runs} runs")

    def cli_ingest():
        subprocess.run([cli, "ingest", "--jobs", str(jobs), folder], stdout=subprocess.DEVNULL, check=True)

    def parse_threads():
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            list(pool.map(lambda d: veracity.parse(d), data))

    rows = [
        ("veracity ingest (binary, JSON to a pipe)", cli_ingest),
        ("veracity.ingest(folder)", lambda: veracity.ingest(folder, jobs=jobs)),
        ("veracity.parse_many(list of bytes)", lambda: veracity.parse_many(data, jobs=jobs)),
        (f"veracity.parse per item, {jobs} Python threads", parse_threads),
    ]
    baseline = None
    for name, run in rows:
        seconds = median_time(run, runs)
        rate = megabytes / seconds
        baseline = baseline or rate
        print(f"  {name:48} {seconds * 1e3:9.1f} ms  {rate:7.2f} MB/s  {rate / baseline:6.1%} of the binary")


def bench_small(calls):
    print(f"\nsmall document ({len(SMALL.encode())} bytes), {calls} calls, one thread")
    per_call = median_time(lambda: [veracity.parse(SMALL) for _ in range(calls)], 3) / calls
    batch = [SMALL] * calls
    per_item = median_time(lambda: veracity.parse_many(batch, jobs=1), 3) / calls
    print(f"  veracity.parse(text)                 {per_call * 1e6:7.1f} us per call")
    print(f"  veracity.parse_many(texts, jobs=1)   {per_item * 1e6:7.1f} us per item")
    print(f"  overhead of a call over a batch item {(per_call - per_item) * 1e6:7.1f} us")


def bench_report(runs):
    corpus = veracity.ingest(ROOT / "examples" / "corpus")
    as_objects = median_time(lambda: veracity.check(corpus), runs)
    as_json = median_time(lambda: veracity.check_json(corpus), runs)
    through_json = median_time(lambda: json.loads(veracity.check_json(corpus)), runs)
    print("\nthe example corpus's report (check, median of {runs} runs)".format(runs=runs))
    print(f"  check_json (Rust JSON text)             {as_json * 1e3:7.1f} ms")
    print(f"  check (pythonize to dicts)              {as_objects * 1e3:7.1f} ms")
    print(f"  json.loads(check_json(...))             {through_json * 1e3:7.1f} ms")


def generated_corpus(docs):
    folder = ROOT / "target" / f"bench-corpus-{docs}"
    if not folder.is_dir():
        subprocess.run(
            ["cargo", "xtask", "gen-corpus", "--docs", str(docs), "--out", folder], cwd=ROOT, check=True
        )
    return folder


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True, help="the veracity binary (a release build)")
    parser.add_argument("--docs", type=int, default=10_000, help="generated documents")
    parser.add_argument("--copies", type=int, default=100, help="copies of the example corpus")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--calls", type=int, default=20_000, help="calls on a small document")
    args = parser.parse_args()
    print(f"veracity {veracity.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(args.copies):
            shutil.copytree(ROOT / "examples" / "corpus", Path(tmp) / f"copy{n:03}")
        bench_folder(f"example corpus x{args.copies}", tmp, args.cli, args.runs, args.jobs)
    bench_folder(f"{args.docs} generated documents", generated_corpus(args.docs), args.cli, args.runs, args.jobs)
    bench_small(args.calls)
    bench_report(args.runs)


if __name__ == "__main__":
    main()
