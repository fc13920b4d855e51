"""Shared fixtures: the repository, the example corpus, and the `veracity`
binary and example plugin built by cargo, to compare the package with the
command line. Under CI=true a missing cargo fails the tests instead of
skipping them."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "examples" / "corpus"


def _cargo_artifact(package: str, kind: str) -> Path:
    """Builds `package` with cargo (quick when it is already built, as in CI
    after `cargo test --workspace`) and returns its `kind` artifact."""
    cargo = os.environ.get("CARGO") or shutil.which("cargo")
    if cargo is None:
        if os.environ.get("CI") == "true":
            pytest.fail("cargo is needed to build the veracity binary these tests compare with")
        pytest.skip("no cargo to build the veracity binary")
    out = subprocess.run(
        [cargo, "build", "--quiet", "--message-format=json", "-p", package],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    for line in out.stdout.splitlines():
        message = json.loads(line)
        if message.get("reason") != "compiler-artifact":
            continue
        if kind == "bin" and message.get("executable"):
            return Path(message["executable"])
        if kind in message["target"]["kind"]:
            return Path(next(f for f in message["filenames"] if f.endswith((".so", ".dylib", ".dll"))))
    pytest.fail(f"cargo built no {kind} for {package}")


@pytest.fixture(scope="session")
def cli() -> Path:
    """The `veracity` binary of this checkout: VERACITY_BIN (`.ci/run` names
    the one `cargo test --workspace` built), else built by cargo."""
    given = os.environ.get("VERACITY_BIN")
    if given:
        if not Path(given).is_file():
            pytest.fail(f"VERACITY_BIN={given} is not a file")
        return Path(given)
    return _cargo_artifact("veracity-cli", "bin")


@pytest.fixture(scope="session")
def bulletin_plugin() -> Path:
    """The example format plugin `bulletin`, as a shared library."""
    return _cargo_artifact("veracity-plugin-bulletin", "cdylib")


@pytest.fixture()
def mixed_folder(tmp_path: Path) -> Path:
    """A folder of two good articles and three unusable inputs."""
    (tmp_path / "ferry.txt").write_text(
        "Ferry timetable changes this spring\n\n"
        "The Lindmoor ferry will run every twenty minutes from April, the harbour "
        "office said on Monday. Captain Ruth Okafor said the new boats use less fuel. "
        "\"We carried 1.2 million passengers last year,\" Okafor said.\n"
    )
    (tmp_path / "bridge.html").write_text(
        "<html><head><title>Old bridge reopens</title></head><body><article>"
        "<h1>Old bridge reopens</h1><p>The Calder Street bridge reopened on Friday "
        "after eight months of repairs, the city engineer said. The repairs cost "
        "4 million dollars, less than the 6 million first estimated.</p>"
        "<p>Cyclists welcomed the wider lanes on the bridge deck.</p></article></body></html>"
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "broken.json").write_text('{"text": "unfinished')
    return tmp_path
