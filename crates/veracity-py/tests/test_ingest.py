"""`ingest`: files and folders on every core; unusable inputs become
diagnostics and the rest is read, as `veracity ingest --keep-going` does."""

import json
import subprocess

import veracity

from conftest import CORPUS


def test_the_example_corpus_reads_as_the_cli_reads_it(cli):
    corpus = veracity.ingest(CORPUS)
    out = subprocess.run([cli, "ingest", CORPUS], capture_output=True, check=True)
    assert corpus["documents"] == json.loads(out.stdout)
    assert corpus["inputs"] == 6
    assert all(d["severity"] == "warning" for d in corpus["diagnostics"])


def test_bad_files_are_diagnostics_and_the_batch_goes_on(cli, mixed_folder):
    corpus = veracity.ingest([mixed_folder, mixed_folder / "missing.txt"], jobs=2)
    assert corpus["inputs"] == 5
    titles = sorted(d.get("title") for d in corpus["documents"])
    assert titles == ["Ferry timetable changes this spring", "Old bridge reopens"]
    errors = {d["source"]: d["message"] for d in corpus["diagnostics"] if d["severity"] == "error"}
    assert set(errors) == {
        str(mixed_folder / name) for name in ["missing.txt", "empty.txt", "image.bin", "broken.json"]
    }
    # The same messages as the command line's.
    out = subprocess.run(
        [cli, "ingest", "--keep-going", mixed_folder, mixed_folder / "missing.txt"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 2
    for source, message in errors.items():
        assert f"veracity: error: {source}: {message}\n" in out.stderr
    assert corpus["documents"] == json.loads(out.stdout)


def test_one_path_or_many_str_or_pathlike():
    one = veracity.ingest(str(CORPUS / "coastal-wire-desalination.txt"))
    many = veracity.ingest([CORPUS / "coastal-wire-desalination.txt"])
    assert one == many
    assert len(one["documents"]) == 1
