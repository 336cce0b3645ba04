#!/usr/bin/env bash
# Runs the PostgreSQL group-commit benchmark against a throwaway PostgreSQL server (installed with
# apt-get when missing) on a free port, stopped afterwards. Extra arguments go to BenchmarkDotNet.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres.sh
trap stop_postgres EXIT
start_postgres || exit 1
CLAIMS_BENCH_POSTGRES="$CLAIMS_TEST_POSTGRES" dotnet run -c Release --project bench/Claims.Benchmarks -- --filter '*PostgresGroupCommit*' "$@"
