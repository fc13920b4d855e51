"""`veracity.Index`: the persistent index from Python gives the reports of
`veracity check --index` and of `check`, byte for byte; search, stats,
appends that replace a file, and errors with the CLI's messages."""

import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest

import veracity

from conftest import CORPUS

CLAIM = "The desalination plant supplies forty percent of the city's drinking water."


@pytest.fixture()
def index(tmp_path):
    index = veracity.Index.create(tmp_path / "corpus.idx")
    summary = index.add(veracity.ingest(CORPUS))
    assert summary["documents"] == len(veracity.ingest(CORPUS)["documents"])
    assert summary["passages"] > 0
    return index


def test_check_is_the_clis_check_index_and_check(cli, index, tmp_path):
    built = tmp_path / "cli.idx"
    subprocess.run([cli, "index", CORPUS, "-o", built], check=True, capture_output=True)
    for args, kwargs in [([], {}), (["--claim", CLAIM], {"claims": CLAIM}), (["--all"], {"limit": None})]:
        expected = subprocess.run(
            [cli, "check", "--index", built, *args, "--format", "json"], capture_output=True, check=True
        ).stdout.decode()
        assert index.check(format="json", **kwargs) == expected
        assert veracity.Index.open(built).check(format="json", **kwargs) == expected
    # And `check` of the same documents in memory.
    assert index.check(CLAIM, format="json") == veracity.check_json(veracity.ingest(CORPUS), CLAIM)
    report = index.check(CLAIM, engine="review")
    assert report["claims"][0]["text"] == CLAIM


def test_search_ranks_passages_of_the_indexed_documents(index):
    hits = index.search("desalination plant drinking water", k=5)
    assert 1 <= len(hits) <= 5
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)
    documents = {d["id"]: d for d in veracity.ingest(CORPUS)["documents"]}
    for hit in hits:
        # Byte offsets in the UTF-8 text, as every span of the data model.
        text = documents[hit["document"]]["text"].encode()
        assert text[hit["start"] : hit["end"]].decode() == hit["text"]
        assert 0.0 <= hit["relevance"] <= 1.0
    # Threads share one Index; each call opens it.
    with ThreadPoolExecutor(max_workers=4) as pool:
        again = list(pool.map(lambda _: index.search("desalination plant drinking water", k=5), range(8)))
    assert all(a == hits for a in again)
    with pytest.raises(ValueError, match="k must be at least 1"):
        index.search("water", k=0)


def test_stats_and_an_added_file_replaces_its_earlier_records(index):
    before = index.stats()
    assert before["documents"] == len(veracity.ingest(CORPUS)["documents"])
    again = index.add(veracity.ingest(CORPUS / "coastal-wire-desalination.txt"))
    assert again["replaced_files"] == 1
    assert index.stats()["documents"] == before["documents"]
    assert repr(index).startswith("veracity.Index(")


def test_errors_carry_the_clis_messages(tmp_path, index):
    with pytest.raises(veracity.VeracityError) as missing:
        veracity.Index.open(tmp_path / "nowhere")
    assert "nowhere" in str(missing.value)
    with pytest.raises(veracity.VeracityError):
        veracity.Index.create(index.path)
    with pytest.raises(veracity.CheckError, match="no verdict engine|unknown|engine"):
        index.check(CLAIM, engine="oracle")
