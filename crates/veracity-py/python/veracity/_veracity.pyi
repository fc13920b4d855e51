# Type stubs of the Rust extension; the docstrings are on the functions
# themselves (help(veracity.check)).
import os
from collections.abc import Iterable, Sequence
from typing import Any, Literal, TypedDict, Union, overload

__version__: str
DEFAULT_MAX_SIZE: int

StrPath = Union[str, os.PathLike[str]]

# A Document, Claim, Verdict or Report dict: the shape of its JSON Schema
# (`veracity schema document`, `veracity schema report`).
Document = dict[str, Any]
Report = dict[str, Any]
# The results of the rounds of a sharded check (`veracity schema
# shard-stats`, `shard-claims`, `claim-set`, `shard-candidates`).
ShardStats = dict[str, Any]
ShardClaims = dict[str, Any]
ClaimSet = dict[str, Any]
ShardCandidates = dict[str, Any]

class Diagnostic(TypedDict):
    severity: Literal["warning", "error"]
    source: str
    message: str

class Parsed(TypedDict):
    documents: list[Document]
    diagnostics: list[Diagnostic]

class Corpus(TypedDict):
    documents: list[Document]
    diagnostics: list[Diagnostic]
    inputs: int

Documents = Union[Parsed, Corpus, Iterable[Document]]

class VeracityError(Exception): ...
class ParseError(VeracityError): ...
class CheckError(VeracityError): ...

def parse(
    data: bytes | str,
    url: str | None = None,
    *,
    location: str | None = None,
    max_size: int = ...,
) -> Parsed: ...
def parse_many(
    items: Iterable[bytes | str],
    urls: Sequence[str | None] | None = None,
    *,
    max_size: int = ...,
    jobs: int | None = None,
) -> list[Parsed]: ...
def ingest(
    paths: StrPath | Sequence[StrPath],
    *,
    max_size: int = ...,
    jobs: int | None = None,
) -> Corpus: ...
def check(
    documents: Parsed | Corpus | Iterable[Document],
    claims: str | Sequence[str] | None = None,
    *,
    engine: str = "evidence",
    scale: str = "veracity",
    top_k: int = 20,
    limit: int | None = 10,
) -> Report: ...
def check_json(
    documents: Parsed | Corpus | Iterable[Document],
    claims: str | Sequence[str] | None = None,
    *,
    engine: str = "evidence",
    scale: str = "veracity",
    top_k: int = 20,
    limit: int | None = 10,
) -> str: ...
class Index:
    @staticmethod
    def create(path: StrPath) -> Index: ...
    @staticmethod
    def open(path: StrPath) -> Index: ...
    @property
    def path(self) -> str: ...
    def add(self, documents: Documents) -> dict[str, int]: ...
    def stats(self) -> dict[str, int]: ...
    def search(self, query: str, k: int = 10) -> list[dict[str, Any]]: ...
    @overload
    def check(
        self,
        claims: str | Sequence[str] | None = None,
        *,
        engine: str = "evidence",
        scale: str = "veracity",
        top_k: int = 20,
        limit: int | None = 10,
        format: None = None,
    ) -> Report: ...
    @overload
    def check(
        self,
        claims: str | Sequence[str] | None = None,
        *,
        engine: str = "evidence",
        scale: str = "veracity",
        top_k: int = 20,
        limit: int | None = 10,
        format: str,
    ) -> str: ...

def shard_stats(documents: Documents) -> ShardStats: ...
def merge_stats(parts: Iterable[ShardStats]) -> ShardStats: ...
def shard_claims(documents: Documents) -> ShardClaims: ...
def merge_claims(parts: Iterable[ShardClaims], *, limit: int | None = 10) -> ClaimSet: ...
def shard_candidates(
    documents: Documents,
    global_stats: ShardStats,
    claims: ClaimSet | str | Sequence[str],
    *,
    top_k: int = 20,
) -> ShardCandidates: ...
@overload
def merge_candidates(
    parts: Iterable[ShardCandidates],
    *,
    engine: str = "evidence",
    scale: str = "veracity",
    format: None = None,
) -> Report: ...
@overload
def merge_candidates(
    parts: Iterable[ShardCandidates],
    *,
    engine: str = "evidence",
    scale: str = "veracity",
    format: str,
) -> str: ...
def _cli(args: Sequence[str], relaunch: Sequence[str]) -> int: ...
