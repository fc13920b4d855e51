"""Check a pandas DataFrame of articles with veracity, notebook style.

    python examples/python/check_dataframe.py

Needs `pip install pandas` and the veracity package (docs/python.md). The
articles here are the example corpus, one row per page with its URL, as a
scraper or a notebook would hold them; put your own DataFrame in their
place.
"""

from pathlib import Path

import pandas as pd

import veracity

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

# One row per page: where it came from and its raw HTML or text.
articles = pd.DataFrame(
    [{"url": f"https://news.example/{p.name}", "page": p.read_bytes()} for p in sorted(CORPUS.iterdir())]
)

# Parse every row on every core. One result per row, in order; a page that
# cannot be read has no documents and an error diagnostic, and the rest go on.
parsed = veracity.parse_many(articles["page"].tolist(), urls=articles["url"].tolist())
articles["documents"] = [len(p["documents"]) for p in parsed]
articles["title"] = [p["documents"][0].get("title") if p["documents"] else None for p in parsed]
articles["problems"] = [
    "; ".join(d["message"] for d in p["diagnostics"] if d["severity"] == "error") for p in parsed
]
print(articles[["url", "title", "documents", "problems"]].to_string(index=False), end="\n\n")

# Check the claims found across all the rows: one report for the collection.
documents = [doc for p in parsed for doc in p["documents"]]
report = veracity.check(documents, limit=5)
claims = {c["id"]: c["text"] for c in report["claims"]}
verdicts = pd.DataFrame(
    {
        "claim": claims[v["claim"]],
        "rating": v["rating"]["label"],
        "confidence": round(v["confidence"], 2),
        "evidence": len(v["evidence"]),
    }
    for v in report["verdicts"]
)
print(verdicts.to_string(index=False), end="\n\n")

# Or check the claims of a column against the same documents.
questions = pd.DataFrame({"claim": ["The desalination plant supplies forty percent of the city's drinking water."]})
checked = veracity.check(documents, questions["claim"].tolist())
questions["rating"] = [v["rating"]["label"] for v in checked["verdicts"]]
print(questions.to_string(index=False))
