"""The examples under examples/python run, and the README's Python runs
as written. The pandas example is part of CI (`.ci/run` installs pandas);
the `datasets` one runs where `datasets` is installed (CI leaves out its
~100 MB of dependencies)."""

import importlib.util
import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT

EXAMPLES = ROOT / "examples" / "python"


def run_example(name):
    out = subprocess.run(
        [sys.executable, EXAMPLES / name],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "HF_DATASETS_OFFLINE": "1"},
    )
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_the_dataframe_example_checks_the_corpus():
    if importlib.util.find_spec("pandas") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("pandas is needed for examples/python/check_dataframe.py (.ci/run installs it)")
        pytest.skip("pandas is not installed")
    out = run_example("check_dataframe.py")
    assert "https://news.example/coastal-wire-desalination.txt" in out
    assert "Mostly False" in out


def test_the_datasets_example_maps_and_checks():
    if importlib.util.find_spec("datasets") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("datasets is needed for examples/python/datasets_map.py (.ci/run installs it)")
        pytest.skip("datasets is not installed")
    out = run_example("datasets_map.py")
    assert "'title': \"Port Alder mayor's desalination claims clash with utility's own figures\"" in out
    assert "-> Mostly False" in out


def test_the_readme_python_runs_as_written():
    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    assert blocks, "README.md shows no Python"
    for block in blocks:
        out = subprocess.run([sys.executable, "-c", block], capture_output=True, text=True, cwd=ROOT)
        assert out.returncode == 0, f"{block}\n{out.stderr}"
