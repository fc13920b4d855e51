#!/usr/bin/env bash
# Installs Debian's chromium for the headless-browser tests of the HTML
# report (crates/veracity-format/tests/browser.rs). Under CI=true those
# tests fail when no browser is found, so a failed install fails here
# first, loudly, with the reason.
set -u
if command -v chromium >/dev/null 2>&1; then
    echo "chromium already installed: $(command -v chromium)"
    exit 0
fi
if apt-get update -qq && apt-get install -y -qq chromium && command -v chromium >/dev/null 2>&1; then
    echo "chromium installed: $(command -v chromium)"
    exit 0
fi
echo "ERROR: could not install chromium; the browser tests of the HTML report cannot run." >&2
echo "Install it (apt-get install chromium) or set VERACITY_CHROMIUM to a Chromium binary." >&2
exit 1
