#!/usr/bin/env bash
# The ledger's cost on the claim path: runs the SQLite claim benchmark with and without the ledger
# in RUNS separate processes (default 5) and prints each run's ratio, then the median. One run on
# a small shared machine moves by tens of percent; the median of several does not.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-5}"
dotnet build -c Release bench/Claims.Benchmarks > /dev/null
ratios=()
for run in $(seq "$runs"); do
  row="$(dotnet run -c Release --no-build --project bench/Claims.Benchmarks -- --filter '*ClaimPathSqlite*' | grep '^| ClaimPathSqlite ')"
  # Columns: method, mean, error, stddev, op/s, three ratios; the last ratio is against the run without the ledger.
  ratio="$(awk -F'|' '{ gsub(/[ %]/, "", $9); print $9 }' <<< "$row")"
  rate="$(awk -F'|' '{ gsub(/ /, "", $6); print $6 }' <<< "$row")"
  echo "run $run: with the ledger $rate claims/s, $ratio% of the rate without it"
  ratios+=("$ratio")
done
median="$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ r[NR] = $1 } END { print (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2 }')"
echo "median: $median% of the rate without the ledger (cost $(awk -v m="$median" 'BEGIN { printf "%.1f", 100 - m }')%)"
