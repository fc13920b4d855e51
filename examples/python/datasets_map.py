"""Parse a Hugging Face `datasets` Dataset of articles with
`Dataset.map(batched=True)`, then check a claim against the result.

    python examples/python/datasets_map.py

Needs `pip install datasets` and the veracity package (docs/python.md).
Runs offline: the dataset is built in memory from the example corpus; with
your own, `load_dataset(...)` it and map the same function over it.
"""

import json
from pathlib import Path

from datasets import Dataset

import veracity

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

articles = Dataset.from_dict(
    {
        "url": [f"https://news.example/{p.name}" for p in sorted(CORPUS.iterdir())],
        "text": [p.read_text() for p in sorted(CORPUS.iterdir())],
    }
)


def parse_batch(batch):
    """One call per batch: veracity parses the batch's rows on every core,
    with the GIL released, and returns one result per row."""
    results = veracity.parse_many(batch["text"], urls=batch["url"])
    return {
        "title": [r["documents"][0].get("title") if r["documents"] else None for r in results],
        "sentences": [sum(len(d["sentences"]) for d in r["documents"]) for r in results],
        "errors": [[d["message"] for d in r["diagnostics"] if d["severity"] == "error"] for r in results],
        # Documents vary in shape (optional fields), so each row keeps its
        # documents as JSON text, a column Arrow stores as it is.
        "documents": [json.dumps(r["documents"], ensure_ascii=False) for r in results],
    }


parsed = articles.map(parse_batch, batched=True, batch_size=64)
for row in parsed.select_columns(["url", "title", "sentences", "errors"]):
    print(row)

documents = [doc for cell in parsed["documents"] for doc in json.loads(cell)]
claim = "The desalination plant supplies forty percent of the city's drinking water."
report = veracity.check(documents, claim)
verdict = report["verdicts"][0]
print(f"\n{claim}\n  -> {verdict['rating']['label']} ({verdict['confidence']:.2f}), {len(verdict['evidence'])} passages")
