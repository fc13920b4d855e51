"""veracity: evidence-based fact-checking of article collections.

Parse pages into documents, find the claims in them (or give your own),
gather evidence for and against each across the collection, and rate them,
with the same Rust code and the same results as the ``veracity`` command.

    >>> import veracity
    >>> corpus = veracity.ingest("examples/corpus")
    >>> report = veracity.check(corpus, "The plant supplies 40% of the water.")
    >>> report["verdicts"][0]["rating"]["label"]

Every result is plain Python (dicts, lists, str, int, float, None) in the
shape of veracity's JSON Schemas (``veracity schema report``). Batch
functions release the GIL and use every core; ``parse`` releases it too, so
threads parse in parallel. Bad input raises ``ParseError`` (one input) or
is kept as a diagnostic (batches: ``ingest``, ``parse_many``), and the rest
of the batch goes on. ``python -m veracity`` runs the command line.
"""

from ._veracity import (
    DEFAULT_MAX_SIZE,
    CheckError,
    ParseError,
    VeracityError,
    __version__,
    check,
    check_json,
    ingest,
    parse,
    parse_many,
)

__all__ = [
    "DEFAULT_MAX_SIZE",
    "CheckError",
    "ParseError",
    "VeracityError",
    "__version__",
    "check",
    "check_json",
    "ingest",
    "parse",
    "parse_many",
]
