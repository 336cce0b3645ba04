#!/usr/bin/env bash
# Sourced by scripts/test.sh: installs Debian's Chromium with apt-get when it is missing, for the
# operator page's browser test (which drives it headless; no browser is downloaded).

ensure_chromium() {
    if ! command -v chromium >/dev/null 2>&1; then
        echo "Chromium is not installed: installing it with apt-get"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    fi
    command -v chromium >/dev/null 2>&1
}
