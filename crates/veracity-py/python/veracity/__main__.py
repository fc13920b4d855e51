"""``python -m veracity ARGS``: the ``veracity`` command line, run by the
same Rust code as the binary (same commands, messages and exit status)."""

import sys

from ._veracity import _cli


def main() -> int:
    # The isolated plugin host (--isolate) is this command line again.
    relaunch = [sys.executable, "-m", "veracity"]
    sys.stdout.flush()
    return _cli(["veracity", *sys.argv[1:]], relaunch)


if __name__ == "__main__":
    sys.exit(main())
