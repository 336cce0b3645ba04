#!/usr/bin/env bash
# The soak: a steady crowd for MINUTES (30) at RATE residents a second (3,400: with the rehearsal's
# mix about 4,000 requests a second, half of the 8,000 answers a second the embedded default
# answered pinned to one core, see loadtests/README.md) against the embedded default, the
# rehearsal tool on CPU 0 and the server on the others; then the run minute by minute: arrivals,
# answers, grants, latency, the server's CPU and memory, and its memory grown per grant after the
# first five minutes. Writes soak.html, soak.json, soak.hlog, soak.txt and minutes.md into DIR.
#   scripts/soak.sh [RATE] [MINUTES] [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
rate="${1:-3400}"
minutes="${2:-30}"
out="${3:-soak-$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$out"

dotnet build -c Release loadtests/Claims.LoadTests -nologo -v quiet
tool=loadtests/Claims.LoadTests/bin/Release/net10.0/Claims.LoadTests.dll
hold=$((minutes * 60))

# The crowd the held peak sends: the ramp's 10 s bring 5 s worth, the decay after it about 1.4 s.
crowd=$((rate * (hold + 6)))
status=0
dotnet "$tool" --embedded --cpus 0 --campaign loadtests/campaigns/soak.json --crowd "$crowd" \
    --peak "$rate" --ramp 10 --hold "$hold" --half-life 1 --timeout 60 --check-wallets 20000 \
    --threshold invariants --threshold errors=0 --report "$out/soak.html" | tee "$out/soak.txt" || status=$?
dotnet "$tool" minutes "$out/soak.json" | tee "$out/minutes.md"
exit "$status"
