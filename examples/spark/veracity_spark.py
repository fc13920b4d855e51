"""A sharded veracity check on Spark: the report `veracity check` gives on
the whole collection, from shards checked on the executors.

Each round runs the `veracity` command line once per shard, in a Spark task
(one partition per shard, a subprocess per partition); what a shard
produces comes back to the driver as the bytes of its JSON file, and the
driver runs the merges (docs/scale-out.md):

1. `veracity stats SHARD`, then `veracity stats --merge` on the driver:
   the whole collection's BM25 statistics;
2. without --claim/--claims: `veracity claims SHARD`, then `veracity claims
   --merge`: the claims of the whole collection;
3. `veracity candidates SHARD --global-stats ... --claims ...`;
4. `veracity merge` on the driver: the report.

Shards are folders (or files) every executor can read, given in collection
order: the order `veracity check` reads the whole (`corpus/shard-00`,
`corpus/shard-01`, ... for `veracity check corpus`). The statistics and the
claims reach the executors as broadcast bytes; no shared scratch space is
needed.

    spark-submit veracity_spark.py --veracity /opt/veracity/bin/veracity \\
        --format json -o report.json /data/corpus/shard-*
"""

import argparse
import os
import subprocess
import sys
import tempfile


def run_veracity(veracity, args, inputs=None):
    """Runs `veracity ARGS -o OUT` in a scratch folder holding `inputs`
    (name -> bytes; an argument "@name" names one of them) and returns the
    bytes it wrote. A failure raises with veracity's own message."""
    with tempfile.TemporaryDirectory(prefix="veracity-spark-") as scratch:
        for name, data in (inputs or {}).items():
            with open(os.path.join(scratch, name), "wb") as f:
                f.write(data)
        out = os.path.join(scratch, "out.json")
        argv = [veracity]
        for a in args:
            argv.append(os.path.join(scratch, a[1:]) if a.startswith("@") else a)
        argv += ["-o", out]
        done = subprocess.run(argv, capture_output=True)
        if done.returncode != 0:
            raise RuntimeError(
                "veracity %s failed (exit %d): %s"
                % (" ".join(args), done.returncode, done.stderr.decode(errors="replace"))
            )
        with open(out, "rb") as f:
            return f.read()


def ship_this_module(sc):
    """Executors import this file to run the tasks: send it once."""
    if __name__ != "__main__" and not getattr(sc, "_veracity_shipped", False):
        sc.addPyFile(os.path.abspath(__file__))
        sc._veracity_shipped = True


def per_shard(sc, shards, task):
    """`task(index, shard)` for every shard on the executors, one partition
    each; the results in shard order."""
    ship_this_module(sc)
    rdd = sc.parallelize(list(enumerate(shards)), numSlices=max(1, len(shards)))

    def run_partition(items):
        for i, shard in items:
            yield i, task(i, shard)

    return [data for _, data in sorted(rdd.mapPartitions(run_partition).collect())]


def merged(veracity, command, parts, extra=()):
    """`veracity COMMAND --merge` on the driver over the shards' files."""
    names = {"part-%05d.json" % i: data for i, data in enumerate(parts)}
    return run_veracity(
        veracity, [command, "--merge", *["@" + n for n in sorted(names)], *extra], names
    )


def check(sc, veracity, shards, claims=(), claims_file=None, limit=None, top_k=None,
          merge_args=()):
    """The report (bytes) of a sharded check of `shards` (paths every
    executor reads, in collection order) with the given claims, or with
    the claims found in the collection (at most `limit`, or all with
    limit="all")."""
    stats = merged(
        veracity, "stats", per_shard(sc, shards, lambda i, s: run_veracity(veracity, ["stats", s]))
    )
    if claims or claims_file:
        claim_args = [a for c in claims for a in ("--claim", c)]
        claim_inputs = {}
        if claims_file:
            with open(claims_file, "rb") as f:
                claim_inputs["claims.input"] = f.read()
            claim_args += ["--claims", "@claims.input"]
    else:
        limit_args = [] if limit is None else (["--all"] if limit == "all" else ["--limit", str(limit)])
        found = per_shard(sc, shards, lambda i, s: run_veracity(veracity, ["claims", s]))
        claim_inputs = {"claims.json": merged(veracity, "claims", found, limit_args)}
        claim_args = ["--claims", "@claims.json"]
    shared = sc.broadcast({"stats.json": stats, **claim_inputs})
    top = [] if top_k is None else ["--top-k", str(top_k)]

    def candidates(i, shard):
        args = ["candidates", shard, "--global-stats", "@stats.json", *claim_args, *top]
        return run_veracity(veracity, args, shared.value)

    parts = per_shard(sc, shards, candidates)
    names = {"candidates-%05d.json" % i: data for i, data in enumerate(parts)}
    return run_veracity(
        veracity, ["merge", *["@" + n for n in sorted(names)], *merge_args], names
    )


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("shards", nargs="+", help="shard folders or files, in collection order")
    p.add_argument("--veracity", default="veracity",
                   help="the veracity binary, at this path on every node (default: on the PATH)")
    p.add_argument("--claim", action="append", default=[], help="a claim to check (repeatable)")
    p.add_argument("--claims", help="a claims file (texts, or a claim set), read on the driver")
    p.add_argument("--limit", help="the most claims to find (default 10), or `all`")
    p.add_argument("--top-k", type=int, help="passages per claim (default 20)")
    p.add_argument("--format", default="json", help="report format (default json)")
    p.add_argument("-o", "--output", required=True, help="the report file")
    p.add_argument("--master", help="Spark master (default: spark-submit's)")
    a = p.parse_args(argv)

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("veracity-sharded-check")
    if a.master:
        builder = builder.master(a.master)
    spark = builder.getOrCreate()
    try:
        report = check(spark.sparkContext, a.veracity, a.shards, a.claim, a.claims,
                       a.limit, a.top_k, ["--format", a.format])
    finally:
        spark.stop()
    tmp = a.output + ".tmp"
    with open(tmp, "wb") as f:
        f.write(report)
    os.replace(tmp, a.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
