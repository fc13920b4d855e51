"""Parsing throughput of the Python package against the `veracity` binary,
and the per-call overhead of `parse` on small documents.

    cargo build --release -p veracity-cli
    cargo xtask gen-corpus --docs 10000 --out target/corpus-10k
    python crates/veracity-py/bench/bench_parse.py --cli target/release/veracity \
        --generated target/corpus-10k

with the package installed from a release build (`maturin develop --release`
or a release wheel). The inputs: the example
corpus copied COPIES times into one folder (the corpus alone is a few
milliseconds of work, under the binary's start-up), and the generated
documents.
Each figure is the median of RUNS timed runs after one warm-up run. The
figures in docs/python.md come from this script.
"""

import argparse
import json
import os
import resource
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


def cpu_seconds():
    """CPU time of this process's threads and of its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def files_under(folder):
    return sorted(p for p in Path(folder).rglob("*") if p.is_file())


def bench_folder(label, folder, cli, runs, jobs):
    paths = files_under(folder)
    data = [p.read_bytes() for p in paths]
    megabytes = sum(map(len, data)) / 1e6
    print(f"\n{label}: {len(paths)} files, {megabytes:.2f} MB, {jobs} threads, median of {runs} runs")

    def cli_ingest():
        subprocess.run([cli, "ingest", "--jobs", str(jobs), folder], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)

    def parse_threads():
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            list(pool.map(lambda d: veracity.parse(d), data))

    rows = [
        ("veracity ingest (binary, JSON to a pipe)", cli_ingest),
        ("veracity.ingest(folder)", lambda: veracity.ingest(folder, jobs=jobs)),
        ("veracity.parse_many(list of bytes)", lambda: veracity.parse_many(data, jobs=jobs)),
        (f"veracity.parse per item, {jobs} Python threads", parse_threads),
    ]
    # Runs interleaved, so that other work on the machine weighs on every
    # row alike; wall and CPU time (all threads, the binary's included).
    wall = {name: [] for name, _ in rows}
    cpu = {name: [] for name, _ in rows}
    for n in range(runs + 1):
        for name, run in rows:
            cpu0, wall0 = cpu_seconds(), time.perf_counter()
            run()
            if n > 0:  # the first round warms up
                wall[name].append(time.perf_counter() - wall0)
                cpu[name].append(cpu_seconds() - cpu0)
    base_wall = base_cpu = None
    for name, _ in rows:
        w, c = statistics.median(wall[name]), statistics.median(cpu[name])
        base_wall, base_cpu = base_wall or w, base_cpu or c
        print(
            f"  {name:48} {w * 1e3:8.0f} ms {megabytes / w:7.2f} MB/s ({base_wall / w:6.1%} of the binary's)"
            f"  CPU {c * 1e3:8.0f} ms ({base_cpu / c:6.1%})"
        )


def bench_small(calls):
    print(f"\nsmall document ({len(SMALL.encode())} bytes), one thread, median of 5 runs")
    empty = median_time(lambda: [veracity.parse_many([]) for _ in range(calls)], 5) / calls
    per_call = median_time(lambda: [veracity.parse(SMALL) for _ in range(calls)], 5) / calls
    batch = [SMALL] * 1000
    per_item = median_time(lambda: [veracity.parse_many(batch, jobs=1) for _ in range(calls // 1000)], 5) / calls
    print(f"  a call that parses nothing (parse_many([]))  {empty * 1e6:6.1f} us")
    print(f"  veracity.parse(text)                        {per_call * 1e6:6.1f} us per call")
    print(f"  veracity.parse_many(1000 texts, jobs=1)     {per_item * 1e6:6.1f} us per item")


def bench_report(runs):
    corpus = veracity.ingest(ROOT / "examples" / "corpus")
    as_objects = median_time(lambda: veracity.check(corpus), runs)
    as_json = median_time(lambda: veracity.check_json(corpus), runs)
    through_json = median_time(lambda: json.loads(veracity.check_json(corpus)), runs)
    print("\nthe example corpus's report (check, median of {runs} runs)".format(runs=runs))
    print(f"  check_json (Rust JSON text)             {as_json * 1e3:7.1f} ms")
    print(f"  check (pythonize to dicts)              {as_objects * 1e3:7.1f} ms")
    print(f"  json.loads(check_json(...))             {through_json * 1e3:7.1f} ms")


def write_copies(folder, copies):
    """The example corpus `copies` times, each copy's files made distinct by
    a last line (the same content twice is one document, parsed once)."""
    for n in range(copies):
        for page in sorted((ROOT / "examples" / "corpus").iterdir()):
            mark = f"<!-- copy {n} -->" if page.suffix == ".html" else f"Copy {n}."
            out = folder / f"copy{n:03}" / page.name
            out.parent.mkdir(exist_ok=True)
            out.write_bytes(page.read_bytes() + f"\n{mark}\n".encode())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True, help="the veracity binary (a release build)")
    parser.add_argument(
        "--generated", required=True, help="a folder from `cargo xtask gen-corpus --docs 10000 --out DIR`"
    )
    parser.add_argument("--copies", type=int, default=100, help="copies of the example corpus")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--calls", type=int, default=20_000, help="calls on a small document")
    args = parser.parse_args()
    print(f"veracity {veracity.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        write_copies(Path(tmp), args.copies)
        bench_folder(f"example corpus x{args.copies}", tmp, args.cli, args.runs, args.jobs)
    generated = Path(args.generated)
    if not generated.is_dir():
        sys.exit(f"no folder {generated}; write it with `cargo xtask gen-corpus --docs 10000 --out {generated}`")
    bench_folder(f"{generated.name} (generated)", generated, args.cli, args.runs, args.jobs)
    bench_small(args.calls)
    bench_report(args.runs)


if __name__ == "__main__":
    main()
