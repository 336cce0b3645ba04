#!/usr/bin/env bash
# Builds the solution and runs every test project, then prints one closing line:
# "N passed, N failed, N skipped". Embedded tests use an SQLite file in a temporary folder; the
# PostgreSQL and Redis tests get throwaway servers this script starts (installing PostgreSQL and
# Redis when missing) and stops at the end; the browser test gets Debian's Chromium, and the clock
# fault test Debian's libfaketime, each installed when missing.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres.sh
source scripts/redis.sh
source scripts/chromium.sh
source scripts/faketime.sh

log="$(mktemp)"
trap 'stop_postgres; stop_redis; rm -f "$log"' EXIT

if ! dotnet build Claims.sln -nologo -v quiet 2>&1 | tee "$log"; then
    echo "0 passed, 1 failed, 0 skipped"
    exit 1
fi
if grep -qE ' error [A-Z]+[0-9]+' "$log"; then
    echo "0 passed, 1 failed, 0 skipped"
    exit 1
fi

if ! start_postgres || ! start_redis || ! ensure_chromium || ! ensure_faketime; then
    echo "0 passed, 1 failed, 0 skipped"
    exit 1
fi

dotnet test --solution Claims.sln --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The failures again, at the end where a truncated log still shows them.
grep -E -A 12 "^failed " "$log" | head -200

count() { grep -E "^\s+$1:\s+[0-9]+" "$log" | tail -1 | awk '{print $2}'; }
passed="$(count succeeded)"
failed="$(count failed)"
skipped="$(count skipped)"
if [ "$status" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then
    # The run failed without a failing test (a crashed host, an assembly with no tests): count it.
    failed=1
fi
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
exit "$status"
