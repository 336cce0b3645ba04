#!/usr/bin/env bash
# The full fault matrix: runs every fault test RUNS times (default 5) against the throwaway
# servers scripts/test.sh uses, and prints one Markdown row per run with the history checker's
# figures, then a total. The test command runs each fault once; a fault that breaks an invariant
# one run in several only shows here. Exits 1 when any run failed.
#   scripts/fault-matrix.sh [RUNS] [TEST-NAME-PATTERN]
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres.sh
source scripts/redis.sh
source scripts/faketime.sh

runs="${1:-5}"
pattern="${2:-}"
log="$(mktemp)"
trap 'stop_postgres; stop_redis; rm -f "$log"' EXIT

faults=(
    "PostgresClusterTests.ARushOnTwoNodesSurvivesTheKillOfOneWithoutOversellingOrLosingAGrant|kill"
    "PostgresClusterTests.ARushOnTwoNodesSurvivesACrashAndRestartOfPostgresWithoutOversellingOrLosingAGrant|database restart"
    "Faults.ClusterFaultTests.ANodePausedPastItsDeathWakesWithoutWritingWhatItsSuccessorsContradict|pause"
    "Faults.ClusterFaultTests.ANodeCutOffByThePartitionIsDeclaredDeadAndTheRestGrantExactly|partition"
    "Faults.ClusterFaultTests.AStalledDatabaseIsAnsweredWith503sThatSayWhenToRetryAndLosesNothing|stalled database"
    "Faults.EmbeddedFaultTests.AFullDiskAnswers503sLosesNothingAcknowledgedAndClaimsSucceedOnceItIsFreed|full disk"
    "Faults.ClockStepTests.ANodeWhoseWallClockStepsGrantsNothingOutsideTheRoundAndExpiresNothingEarly|clock step"
)

dotnet build tests/Claims.Api.Tests -nologo -v quiet >"$log" 2>&1 || { cat "$log"; exit 1; }
start_postgres >/dev/null && start_redis >/dev/null && ensure_faketime || exit 1

echo "| fault | run | result | operations | uncertain answers (keys) | resolved | violations |"
echo "|---|---:|---|---:|---:|---:|---:|"
failed=0
total=0
for entry in "${faults[@]}"; do
    test="${entry%%|*}"
    fault="${entry##*|}"
    if [ -n "$pattern" ] && [[ "$test $fault" != *$pattern* ]]; then
        continue
    fi
    for run in $(seq 1 "$runs"); do
        dotnet run --project tests/Claims.Api.Tests --no-build -- \
            -method "Claims.Api.Tests.$test" -showliveoutput >"$log" 2>&1
        total=$((total + 1))
        result="passed"
        if grep -qE "Failed: 0, Skipped: 1" "$log"; then
            result="skipped"
        elif ! grep -qE "Failed: 0, Skipped: 0" "$log"; then
            result="FAILED"
            failed=$((failed + 1))
            cp "$log" "fault-matrix-$(echo "$fault" | tr ' ' '-')-$run.log"
        fi
        verdict="$(grep -oE '[0-9]+ operations, [0-9]+ uncertain answers on [0-9]+ keys, [0-9]+ resolved, [0-9]+ violations' "$log" | tail -1)"
        read -r operations uncertain keys resolved violations < <(echo "$verdict" | grep -oE '[0-9]+' | tr '\n' ' ')
        echo "| $fault | $run | $result | ${operations:--} | ${uncertain:--} (${keys:--}) | ${resolved:--} | ${violations:--} |"
    done
done
echo "$((total - failed)) of $total runs passed; a failed run's log is kept as fault-matrix-<fault>-<run>.log"
[ "$failed" -eq 0 ]
