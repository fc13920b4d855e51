"""`parse` and `parse_many`: bytes or text in, documents out; bad input is a
clear exception (one input) or an error diagnostic (a batch that goes on)."""

import subprocess

import pytest

import veracity

ARTICLE = (
    "Library extends its opening hours\n\n"
    "The Westmere public library will open until nine on weekdays from March, "
    "the head librarian Aiko Brandt said on Tuesday. \"Students asked for it,\" "
    "Brandt said. The change costs 40,000 dollars a year.\n"
)


def test_bytes_and_text_give_the_same_documents():
    from_bytes = veracity.parse(ARTICLE.encode())
    from_text = veracity.parse(ARTICLE)
    assert from_bytes == from_text
    [doc] = from_bytes["documents"]
    assert doc["text"].startswith("The Westmere public library")
    assert doc["source"]["location"] == "<data>"
    for span in doc["sentences"]:
        assert 0 <= span["start"] < span["end"] <= len(doc["text"].encode())


def test_url_names_the_input_and_fills_the_source_url():
    [doc] = veracity.parse(ARTICLE, url="https://news.example/library")["documents"]
    assert doc["source"]["location"] == "https://news.example/library"
    assert doc["source"]["url"] == "https://news.example/library"
    [named] = veracity.parse(ARTICLE, location="pages/library.txt")["documents"]
    assert named["source"]["location"] == "pages/library.txt"
    assert "url" not in named["source"]


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a binary file"),
        ('{"text": "unfinished', "malformed JSON"),
        ('{"id": "doc-1", "kind": "news", "text": "x"}', "not a valid document"),
    ],
)
def test_bad_input_raises_a_parse_error_naming_it(data, says):
    with pytest.raises(veracity.ParseError, match=says) as caught:
        veracity.parse(data, url="https://news.example/bad")
    assert str(caught.value).startswith("https://news.example/bad: ")
    assert isinstance(caught.value, veracity.VeracityError)


def test_over_the_size_limit_is_refused():
    with pytest.raises(veracity.ParseError, match="over the limit of 100 bytes"):
        veracity.parse(ARTICLE, max_size=100)


def test_the_message_is_the_clis(cli, mixed_folder):
    path = mixed_folder / "empty.txt"
    with pytest.raises(veracity.ParseError) as caught:
        veracity.parse(path.read_bytes(), location=str(path))
    out = subprocess.run([cli, "ingest", path], capture_output=True, text=True)
    assert out.returncode == 2
    # The exception's text names the file, as the CLI's line does: once.
    assert f"veracity: error: {caught.value}\n" in out.stderr
    assert str(caught.value).count(str(path)) == 1


def test_wrong_types_are_type_errors():
    with pytest.raises(TypeError, match="data must be bytes or str, not int"):
        veracity.parse(42)
    with pytest.raises(TypeError, match=r"items\[1\] must be bytes or str, not NoneType"):
        veracity.parse_many([ARTICLE, None])


def test_a_batch_goes_on_past_bad_items_in_order():
    items = [ARTICLE, b"", "<html><body><p>" + "Rain fell on the coast. " * 20 + "</p></body></html>",
             b"\x00\x01binary"]
    results = veracity.parse_many(items, urls=[None, "https://news.example/empty", None, None])
    assert len(results) == 4
    assert len(results[0]["documents"]) == 1
    assert results[1]["documents"] == []
    [error] = results[1]["diagnostics"]
    assert error["severity"] == "error"
    assert error["source"] == "https://news.example/empty"
    assert "the file is empty" in error["message"]
    assert results[2]["documents"][0]["text"].startswith("Rain fell on the coast.")
    assert results[3]["diagnostics"][0]["source"] == "items[3]"
    # Each item's documents are what `parse` gives for it alone.
    assert results[0]["documents"] == veracity.parse(ARTICLE, location="items[0]")["documents"]


def test_a_batch_needs_one_url_per_item():
    with pytest.raises(ValueError, match="urls has 1 entries for 2 items"):
        veracity.parse_many([ARTICLE, ARTICLE], urls=["https://news.example/a"])


def test_an_empty_batch_is_empty():
    assert veracity.parse_many([]) == []
