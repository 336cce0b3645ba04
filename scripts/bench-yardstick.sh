#!/usr/bin/env bash
# Claims against the seckill a team would otherwise write (bench/Claims.Yardstick: a Redis Lua
# script behind the same endpoint and JWT auth), with one load generator (wrk, closed loop:
# CONNECTIONS connections each sending its next claim when the last is answered) for every
# target: bare Kestrel, the yardstick, Claims granting on memory, SQLite and PostgreSQL, and
# Claims refusing a sold-out type. Installs wrk, Redis and PostgreSQL when missing, runs each on
# throwaway data, and prints a Markdown table. DURATION (s) and CONNECTIONS tune the runs.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres.sh
source scripts/redis.sh

DURATION="${DURATION:-15}"
# Tiered compilation takes this long under load to optimise the hot paths.
WARMUP="${WARMUP:-15}"
CONNECTIONS="${CONNECTIONS:-64}"
TOKENS="${TOKENS:-400000}"
KEY="yardstick-signing-key-at-least-32-bytes-long"
WORK="$(mktemp -d /tmp/claims-yardstick.XXXXXX)"
SERVER=""

stop_server() {
    if [ -n "$SERVER" ]; then
        kill "$SERVER" 2>/dev/null
        wait "$SERVER" 2>/dev/null
        SERVER=""
    fi
}
trap 'stop_server; stop_postgres; stop_redis; rm -rf "$WORK"' EXIT

if ! command -v wrk >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
for project in src/Api bench/Claims.Yardstick loadtests/Claims.LoadTests; do
    dotnet build -c Release "$project" -nologo -v quiet >/dev/null || { echo "building $project failed"; exit 1; }
done
start_redis >/dev/null || exit 1
start_postgres >/dev/null || exit 1

tool() { dotnet loadtests/Claims.LoadTests/bin/Release/net10.0/Claims.LoadTests.dll "$@"; }
tool tokens --signing-key "$KEY" --count "$TOKENS" > "$WORK/tokens.txt"
OPERATOR="$(tool tokens --signing-key "$KEY" --role operator)"

# serve DLL READY_PATH READY_METHOD [NAME=VALUE...]: starts a server on a free port, waits until it answers.
serve() {
    local dll="$1" ready="$2" method="$3"
    shift 3
    PORT="$(free_port)"
    env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORT" Auth__SigningKey="$KEY" \
        Logging__LogLevel__Default=Warning "$@" dotnet "$dll" >"$WORK/server.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 300); do
        curl -sf -X "$method" "http://127.0.0.1:$PORT$ready" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "server $dll did not start:"; tail -20 "$WORK/server.log"; exit 1
}

# A one-type campaign opened a minute ago with STOCK coupons, created through the operator API.
# One pool shard: on one node of two cores a whole pool batches more grants per write than shards.
create_campaign() {
    local id="$1" stock="$2"
    curl -sf -o /dev/null -X POST "http://127.0.0.1:$PORT/admin/campaigns" -H "Authorization: Bearer $OPERATOR" \
        -H 'Content-Type: application/json' --data-binary @- <<JSON || { echo "creating $id failed"; exit 1; }
{"id":"$id","name":"yardstick","timeZone":"Asia/Shanghai","regions":["410423"],"minLeverage":4,
 "funds":[{"id":"county","amount":$((stock * 10))}],
 "couponTypes":[{"id":"market-10-50","industry":"supermarket","faceValue":10,"minSpend":50,"shards":1}],
 "limits":[{"per":"phase","groupBy":"industry","max":1}],
 "rounds":[{"id":"p1","phase":"1","fund":"county","opensAt":"$(date -u -d '-1 min' +%FT%TZ)",
   "closesAt":"$(date -u -d '+1 day' +%FT%TZ)","validity":{"days":7},"stock":{"market-10-50":$stock}}]}
JSON
}

set_yardstick_stock() {
    curl -sf -X PUT "http://127.0.0.1:$PORT/campaigns/$1/stock/market-10-50?stock=$2" -H "Authorization: Bearer $OPERATOR" \
        || { echo "setting the yardstick's stock failed"; exit 1; }
}

run_wrk() {
    WRK_TOKENS="$WORK/tokens.txt" WRK_THREADS=2 WRK_COUPON_TYPE=market-10-50 WRK_REGION=410423 \
        wrk -t2 -c"$CONNECTIONS" -d"$1s" --timeout 10s -s bench/Claims.Yardstick/wrk-claims.lua "http://127.0.0.1:$PORT$2"
}

# measure LABEL PATH STATUS: a warm-up run is made by the caller; this one counts answers of STATUS per second.
ROWS=()
measure() {
    local label="$1" path="$2" counted="$3"
    run_wrk "$DURATION" "$path" > "$WORK/wrk.txt"
    local answers latency
    answers="$(grep '^answers:' "$WORK/wrk.txt")"
    latency="$(grep '^latency-ms:' "$WORK/wrk.txt")"
    local count seconds rate other p50 p99
    count="$(sed -E "s/.* $counted=([0-9]+).*/\1/" <<<"$answers")"
    other="$(sed -E 's/.* other=([0-9]+).*/\1/' <<<"$answers")"
    seconds="$(sed -E 's/.* seconds=([0-9.]+).*/\1/' <<<"$answers")"
    rate="$(awk -v c="$count" -v s="$seconds" 'BEGIN { printf "%.0f", c / s }')"
    p50="$(sed -E 's/.*p50=([0-9.]+).*/\1/' <<<"$latency")"
    p99="$(sed -E 's/.*p99=([0-9.]+).*/\1/' <<<"$latency")"
    ROWS+=("$label|$counted|$rate|$other|$p50|$p99")
    echo "$label: $rate $counted/s ($answers; $latency)" >&2
}

serve bench/Claims.Yardstick/bin/Release/net10.0/Claims.Yardstick.dll /bare POST Redis="$CLAIMS_TEST_REDIS"
run_wrk "$WARMUP" /bare >/dev/null
measure "Bare Kestrel (200, no work)" /bare ok
set_yardstick_stock warm 100000000
run_wrk "$WARMUP" /campaigns/warm/claims >/dev/null
set_yardstick_stock rush 100000000
measure "Yardstick: Redis Lua seckill" /campaigns/rush/claims created
stop_server

claims() {
    local label="$1"
    shift
    serve src/Api/bin/Release/net10.0/Claims.Api.dll /health/ready GET \
        Storage__DataDirectory="$WORK/data-$RANDOM" Cluster__SiloPort="$(free_port)" Cluster__GatewayPort="$(free_port)" "$@"
    create_campaign warm 10000000
    run_wrk "$WARMUP" /campaigns/warm/claims >/dev/null
    create_campaign rush 10000000
    measure "Claims granting, $label" /campaigns/rush/claims created
}

claims "in memory" Storage__Provider=Memory
stop_server
claims "SQLite (durable)" Storage__Provider=Sqlite
create_campaign gone 1
run_wrk "$WARMUP" /campaigns/gone/claims >/dev/null
measure "Claims refusing sold_out (SQLite)" /campaigns/gone/claims conflict
stop_server
dotnet src/Api/bin/Release/net10.0/Claims.Api.dll schema --Storage:Provider=Postgres --Storage:ConnectionString="$CLAIMS_TEST_POSTGRES" >/dev/null \
    || { echo "applying the PostgreSQL schema failed"; exit 1; }
claims "PostgreSQL (durable)" Storage__Provider=Postgres Storage__ConnectionString="$CLAIMS_TEST_POSTGRES"
stop_server

bare="$(cut -d'|' -f3 <<<"${ROWS[0]}")"
yardstick="$(cut -d'|' -f3 <<<"${ROWS[1]}")"
echo
echo "$DURATION s per target, $CONNECTIONS connections, wrk -t2 on the same $(nproc) cores as the server, $(date -u +%F)"
echo
echo "| Target | Answers counted | Per second | vs yardstick | vs bare Kestrel | Other answers | p50 ms | p99 ms |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
for row in "${ROWS[@]}"; do
    IFS='|' read -r label counted rate other p50 p99 <<<"$row"
    echo "| $label | $counted | $rate | $(awk -v r="$rate" -v y="$yardstick" 'BEGIN { printf "%.2f×", r / y }') | $(awk -v r="$rate" -v b="$bare" 'BEGIN { printf "%.2f×", r / b }') | $other | $p50 | $p99 |"
done
