#!/usr/bin/env bash
# Installs Debian's chromium for the headless-browser test of the HTML report
# (crates/veracity-format/tests/browser.rs). That test skips when no browser
# is found, so a failed install is a warning, not a CI failure.
set -u
if command -v chromium >/dev/null 2>&1; then
    echo "chromium already installed: $(command -v chromium)"
    exit 0
fi
if apt-get update -qq && apt-get install -y -qq chromium; then
    echo "chromium installed: $(command -v chromium)"
else
    echo "warning: could not install chromium; the browser test of the HTML report will be skipped" >&2
fi
exit 0
