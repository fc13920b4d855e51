"""The rounds of a sharded check from Python: the merge gives the report of
one check on the whole collection, byte for byte, with claims found and
given; shards worked on in threads; parts that do not fit are refused."""

import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest

import veracity

from conftest import CORPUS

CLAIM = "The desalination plant supplies forty percent of the city's drinking water."


def shards(count):
    """examples/corpus dealt into `count` shards of neighbouring files: the
    whole collection is the shards one after the other."""
    files = sorted(CORPUS.iterdir())
    size = -(-len(files) // count)
    return [veracity.ingest(files[i : i + size]) for i in range(0, len(files), size)]


def sharded_report(parts, claims=None, **merge):
    stats = veracity.merge_stats([veracity.shard_stats(p) for p in parts])
    if claims is None:
        claims = veracity.merge_claims([veracity.shard_claims(p) for p in parts], limit=merge.pop("limit", 10))
    with ThreadPoolExecutor(max_workers=len(parts)) as pool:
        candidates = list(pool.map(lambda p: veracity.shard_candidates(p, stats, claims), parts))
    return veracity.merge_candidates(candidates, format="json", **merge)


def cli_check(cli, *args):
    out = subprocess.run([cli, "check", CORPUS, *args, "--format", "json"], capture_output=True, check=True)
    return out.stdout.decode()


@pytest.mark.parametrize("count", [2, 3])
def test_claims_found_across_shards_give_the_single_check(cli, count):
    assert sharded_report(shards(count)) == cli_check(cli)


def test_all_claims_and_a_given_claim_give_the_single_check(cli):
    parts = shards(3)
    assert sharded_report(parts, limit=None) == cli_check(cli, "--all")
    got = sharded_report(parts, CLAIM, engine="review", scale="politifact")
    assert got == cli_check(cli, "--claim", CLAIM, "--engine", "review", "--scale", "politifact")


def test_the_python_merge_is_the_clis_merge(cli, tmp_path):
    parts = shards(2)
    stats = veracity.merge_stats([veracity.shard_stats(p) for p in parts])
    candidates = [veracity.shard_candidates(p, stats, [CLAIM]) for p in parts]
    report = veracity.merge_candidates(candidates)
    assert report["$schema"] == "urn:veracity:report:1"
    assert report["claims"][0]["text"] == CLAIM
    # The CLI's rounds over the same shards, read from files.
    files = sorted(CORPUS.iterdir())
    shard_args = [files[:3], files[3:]]
    paths = []
    for i, shard in enumerate(shard_args):
        out = tmp_path / f"stats-{i}.json"
        subprocess.run([cli, "stats", *shard, "-o", out], check=True)
        paths.append(out)
    subprocess.run([cli, "stats", "--merge", *paths, "-o", tmp_path / "stats.json"], check=True)
    cands = []
    for i, shard in enumerate(shard_args):
        out = tmp_path / f"cand-{i}.json"
        subprocess.run(
            [cli, "candidates", *shard, "--global-stats", tmp_path / "stats.json", "--claim", CLAIM, "-o", out],
            check=True,
        )
        cands.append(out)
    merged = subprocess.run([cli, "merge", *cands, "--format", "json"], capture_output=True, check=True)
    assert veracity.merge_candidates(candidates, format="json") == merged.stdout.decode()


def test_parts_that_do_not_fit_are_refused():
    parts = shards(2)
    stats = [veracity.shard_stats(p) for p in parts]
    # One document in two shards.
    with pytest.raises(veracity.CheckError, match="must be in one shard only"):
        veracity.merge_stats([stats[0], stats[0]])
    # Statistics that do not count the shard's documents.
    with pytest.raises(veracity.CheckError, match="do not count document"):
        veracity.shard_candidates(parts[1], stats[0], CLAIM)
    whole = veracity.merge_stats(stats)
    a = veracity.shard_candidates(parts[0], whole, CLAIM)
    b = veracity.shard_candidates(parts[1], whole, [CLAIM, "The plant opened in 2019."])
    with pytest.raises(veracity.CheckError, match="other claims"):
        veracity.merge_candidates([a, b])
    with pytest.raises(ValueError, match=r"parts\[0\] is not a result"):
        veracity.merge_candidates([{"claims": []}])
    with pytest.raises(ValueError, match="limit must be at least 1"):
        veracity.merge_claims([], limit=0)
