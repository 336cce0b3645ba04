#!/usr/bin/env bash
# Sourced by scripts/test.sh: installs Debian's libfaketime with apt-get when it is missing, for
# the fault test that steps one node's wall clock, and exports the path of its thread-safe build
# (the runtime reads the clock from many threads) as CLAIMS_TEST_FAKETIME.

ensure_faketime() {
    if ! dpkg -s libfaketime >/dev/null 2>&1; then
        echo "libfaketime is not installed: installing it with apt-get"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >/dev/null
    fi
    CLAIMS_TEST_FAKETIME="$(dpkg -L libfaketime 2>/dev/null | grep '/libfaketimeMT\.so\.1$' | head -1)"
    export CLAIMS_TEST_FAKETIME
    [ -n "$CLAIMS_TEST_FAKETIME" ]
}
