# Type stubs of the Rust extension; the docstrings are on the functions
# themselves (help(veracity.check)).
import os
from collections.abc import Iterable, Sequence
from typing import Any, Literal, TypedDict, Union

__version__: str
DEFAULT_MAX_SIZE: int

StrPath = Union[str, os.PathLike[str]]

# A Document, Claim, Verdict or Report dict: the shape of its JSON Schema
# (`veracity schema document`, `veracity schema report`).
Document = dict[str, Any]
Report = dict[str, Any]

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
def _cli(args: Sequence[str], relaunch: Sequence[str]) -> int: ...
