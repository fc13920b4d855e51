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

A collection split into shards is checked in rounds whose merge gives the
report of one check on the whole (docs/scale-out.md): ``shard_stats`` and
``merge_stats``, ``shard_claims`` and ``merge_claims`` (for claims found
rather than given), ``shard_candidates`` and ``merge_candidates``; the
same Rust as ``veracity stats``, ``claims``, ``candidates`` and ``merge``.
"""

from ._veracity import (
    DEFAULT_MAX_SIZE,
    CheckError,
    Index,
    ParseError,
    VeracityError,
    __version__,
    check,
    check_json,
    ingest,
    merge_candidates,
    merge_claims,
    merge_stats,
    parse,
    parse_many,
    shard_candidates,
    shard_claims,
    shard_stats,
)

__all__ = [
    "DEFAULT_MAX_SIZE",
    "CheckError",
    "Index",
    "ParseError",
    "VeracityError",
    "__version__",
    "check",
    "check_json",
    "ingest",
    "merge_candidates",
    "merge_claims",
    "merge_stats",
    "parse",
    "parse_many",
    "shard_candidates",
    "shard_claims",
    "shard_stats",
]
