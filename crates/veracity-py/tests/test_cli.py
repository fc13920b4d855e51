"""`python -m veracity` is the command line: the same output, messages and
exit status as the binary."""

import subprocess
import sys

from conftest import CORPUS


def run(*args):
    return subprocess.run(args, capture_output=True)


def test_check_writes_what_the_binary_writes(cli):
    args = ["check", str(CORPUS), "--format", "json"]
    python = run(sys.executable, "-m", "veracity", *args)
    binary = run(cli, *args)
    assert python.returncode == binary.returncode == 0
    assert python.stdout == binary.stdout
    assert python.stderr == binary.stderr


def test_summary_errors_and_exit_statuses_match(cli):
    for args in (["check", str(CORPUS), "--width", "72"], ["check", "no/such/dir"], ["--bogus"],
                 ["--version"], ["schema", "nothing"]):
        python = run(sys.executable, "-m", "veracity", *args)
        binary = run(cli, *args)
        assert (python.returncode, python.stdout, python.stderr) == (
            binary.returncode,
            binary.stdout,
            binary.stderr,
        ), args


def test_isolated_plugins_run_in_a_child_python(bulletin_plugin, cli):
    args = ["--plugin", str(bulletin_plugin), "--isolate", "check", str(CORPUS), "--format", "bulletin"]
    python = run(sys.executable, "-m", "veracity", *args)
    assert python.returncode == 0, python.stderr.decode()
    assert python.stdout == run(cli, *args).stdout
    assert python.stdout
