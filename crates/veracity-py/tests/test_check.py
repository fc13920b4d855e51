"""`check`: the CLI's report, byte for byte, as Python objects or JSON text;
errors with the CLI's messages."""

import copy
import json
import subprocess

import pytest

import veracity

from conftest import CORPUS

CLAIM = "The desalination plant supplies forty percent of the city's drinking water."


def cli_json(cli, *args):
    out = subprocess.run([cli, "check", *args, "--format", "json"], capture_output=True, check=True)
    return out.stdout.decode()


def test_check_json_is_the_clis_output_byte_for_byte(cli):
    expected = cli_json(cli, CORPUS)
    assert veracity.check_json(veracity.ingest(CORPUS)) == expected


def test_the_report_dict_serialises_to_the_same_bytes(cli):
    expected = cli_json(cli, CORPUS)
    report = veracity.check(veracity.ingest(CORPUS))
    assert json.dumps(report, indent=2, ensure_ascii=False) + "\n" == expected
    assert report["$schema"] == "urn:veracity:report:1"


def test_given_claims_and_options_match_the_cli(cli):
    expected = cli_json(cli, CORPUS, "--claim", CLAIM, "--engine", "review", "--scale", "politifact", "--top-k", "5")
    got = veracity.check_json(veracity.ingest(CORPUS), CLAIM, engine="review", scale="politifact", top_k=5)
    assert got == expected
    assert json.loads(got)["claims"][0]["text"] == CLAIM


def test_limit_none_checks_every_claim(cli):
    expected = cli_json(cli, CORPUS, "--all")
    assert veracity.check_json(veracity.ingest(CORPUS), limit=None) == expected
    assert len(veracity.check(veracity.ingest(CORPUS), limit=2)["verdicts"]) == 2


def test_documents_from_parse_or_as_a_list():
    corpus = veracity.ingest(CORPUS)
    from_list = veracity.check(corpus["documents"], CLAIM)
    assert "diagnostics" not in from_list  # left out of the JSON when empty
    assert from_list["verdicts"] == veracity.check(corpus, CLAIM)["verdicts"]
    page = veracity.parse((CORPUS / "harbor-fact-desk-desalination.html").read_bytes())
    [verdict] = veracity.check(page, [CLAIM], engine="review")["verdicts"]
    # The page's own ClaimReview rates the claim "Mostly False".
    assert verdict["rating"]["class"] == "mostly_false"
    assert verdict["reviews"]


@pytest.mark.parametrize(
    ("options", "flags"),
    [
        ({"engine": "oracle"}, ["--engine", "oracle"]),
        ({"scale": "stars"}, ["--scale", "stars"]),
    ],
)
def test_errors_carry_the_clis_message(cli, options, flags):
    with pytest.raises(veracity.CheckError) as caught:
        veracity.check(veracity.ingest(CORPUS), **options)
    out = subprocess.run([cli, "check", CORPUS, *flags], capture_output=True, text=True)
    assert out.returncode == 2
    assert out.stderr == f"veracity: error: {caught.value}\n"


def test_nothing_to_check_is_an_error():
    with pytest.raises(veracity.CheckError, match="nothing to check"):
        veracity.check([])


def test_a_document_that_breaks_the_schema_is_named():
    docs = copy.deepcopy(veracity.ingest(CORPUS)["documents"])
    docs[2]["sentences"][0]["end"] = len(docs[2]["text"].encode()) + 10
    with pytest.raises(veracity.ParseError, match=r"^documents\[2\]: not a valid document") as caught:
        veracity.check(docs, CLAIM)
    assert "/sentences/0" in str(caught.value)
    del docs[2]["text"]
    with pytest.raises(veracity.ParseError, match=r"documents\[2\]"):
        veracity.check(docs, CLAIM)


def test_bad_arguments():
    corpus = veracity.ingest(CORPUS)
    with pytest.raises(ValueError, match="top_k must be at least 1"):
        veracity.check(corpus, top_k=0)
    with pytest.raises(ValueError, match="a claim is blank"):
        veracity.check(corpus, ["  "])
    with pytest.raises(TypeError, match="claims must be a str or a list of str"):
        veracity.check(corpus, 3)
    with pytest.raises(TypeError, match="documents must be a list of document dicts, not str"):
        veracity.check("examples/corpus")
