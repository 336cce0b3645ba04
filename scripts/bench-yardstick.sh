#!/usr/bin/env bash
# Claims against the seckill a team would otherwise write (bench/Claims.Yardstick: a Redis Lua
# script behind the same endpoint and JWT auth), measured per core: the system under test (the
# server and its Redis or PostgreSQL) runs on CPU $SERVER_CPU, the load generator (wrk, one
# thread, closed loop: each connection sends its next claim when the last is answered) on CPU
# $LOAD_CPU, so a figure is the server's and not the generator's. Each target gets a warm-up run,
# then one measured run per connection count; the warm-up and every measured run claim with
# residents of their own. Per run it reports answers per second, the server's CPU per answer
# (server and store, from /proc), latency, and for PostgreSQL the grants per commit.
#
#   TARGETS      which to run (default: bare yardstick memory sqlite soldout postgres cold); cold
#                is the first 10 s of a rush on a server idle since it started, against the same
#                server's 10 s after a warm-up, at the last of CONNECTIONS
#   CONNECTIONS  connection counts (default: 64 256 1024)
#   DURATION, WARMUP  seconds per measured and warm-up run (15, 15)
#   SERVER_CPU, LOAD_CPU  the cores (1, 0)
#
# Installs wrk, Redis and PostgreSQL when missing, runs each on throwaway data, prints a table.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres.sh
source scripts/redis.sh

TARGETS="${TARGETS:-bare yardstick memory sqlite soldout postgres cold}"
CONNECTIONS="${CONNECTIONS:-64 256 1024}"
DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-15}"
SERVER_CPU="${SERVER_CPU:-1}"
LOAD_CPU="${LOAD_CPU:-0}"
# Enough residents that no measured run meets one twice.
TOKENS="${TOKENS:-800000}"
KEY="yardstick-signing-key-at-least-32-bytes-long"
WORK="$(mktemp -d /tmp/claims-yardstick.XXXXXX)"
TICK="$(getconf CLK_TCK)"
SERVER=""

stop_server() {
    if [ -n "$SERVER" ]; then
        kill "$SERVER" 2>/dev/null
        wait "$SERVER" 2>/dev/null
        SERVER=""
    fi
}
trap 'stop_server; stop_postgres; stop_redis; rm -rf "$WORK"' EXIT

wants() { [[ " $TARGETS " == *" $1 "* ]]; }

if ! command -v wrk >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
# The servers as shipped: published.
for project in src/Host bench/Claims.Yardstick; do
    dotnet publish -c Release -r linux-x64 --self-contained false "$project" -o "$WORK/$(basename "$project")" -nologo -v quiet >/dev/null \
        || { echo "publishing $project failed"; exit 1; }
done
dotnet build -c Release loadtests/Claims.LoadTests -nologo -v quiet >/dev/null || { echo "building the rehearsal tool failed"; exit 1; }

# The stores share the server's core: what they cost is part of what a claim costs.
if wants yardstick; then
    start_redis >/dev/null || exit 1
    taskset -a -p -c "$SERVER_CPU" "$(cat "$REDIS_DIR/redis.pid")" >/dev/null
fi
if wants postgres; then
    start_postgres >/dev/null || exit 1
    # Backends fork from the postmaster and inherit its core.
    for pid in $(pgrep -f "$PG_DATA/data"); do taskset -a -p -c "$SERVER_CPU" "$pid" >/dev/null; done
fi

tool() { dotnet loadtests/Claims.LoadTests/bin/Release/net10.0/Claims.LoadTests.dll "$@"; }
for run in warm $CONNECTIONS $(wants cold && echo cold hot); do
    tool tokens --signing-key "$KEY" --count "$TOKENS" --prefix "resident-$run" > "$WORK/tokens-$run.txt"
done
OPERATOR="$(tool tokens --signing-key "$KEY" --role operator)"

# CPU time in clock ticks of the server and of its store's processes (all threads).
cpu_ticks() {
    store_pids "$TARGET"
    local pids=("$SERVER" "${STORE_PIDS[@]}") total=0 pid
    for pid in "${pids[@]}"; do
        [ -r "/proc/$pid/stat" ] || continue
        total=$((total + $(sed -E 's/^.*\) //' "/proc/$pid/stat" | awk '{ print $12 + $13 }')))
    done
    echo "$total"
}

STORE_PIDS=()
store_pids() {
    case "$1" in
        redis) STORE_PIDS=("$(cat "$REDIS_DIR/redis.pid")") ;;
        postgres) mapfile -t STORE_PIDS < <(pgrep -f "$PG_DATA/data"; pgrep -P "$(head -1 "$PG_DATA/data/postmaster.pid")") ;;
        *) STORE_PIDS=() ;;
    esac
}

# serve DLL READY_PATH READY_METHOD [NAME=VALUE...]: starts a server on the server's core and a
# free port, and waits until it answers.
serve() {
    local dll="$1" ready="$2" method="$3"
    shift 3
    PORT="$(free_port)"
    env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORT" Auth__SigningKey="$KEY" \
        Logging__LogLevel__Default=Warning "$@" taskset -c "$SERVER_CPU" dotnet "$dll" >"$WORK/server.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 600); do
        curl -sf -X "$method" "http://127.0.0.1:$PORT$ready" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "server $dll did not start:"; tail -20 "$WORK/server.log"; exit 1
}

# A one-type campaign with STOCK coupons, opened a minute ago unless OPENS_IN (s) says when,
# created through the operator API; one pool, as a single node serves it best.
create_campaign() {
    local id="$1" stock="$2" opens="${3:--60}"
    curl -sf -o /dev/null -X POST "http://127.0.0.1:$PORT/admin/campaigns" -H "Authorization: Bearer $OPERATOR" \
        -H 'Content-Type: application/json' --data-binary @- <<JSON || { echo "creating $id failed"; exit 1; }
{"id":"$id","name":"yardstick","timeZone":"Asia/Shanghai","regions":["410423"],"minLeverage":4,
 "funds":[{"id":"county","amount":$((stock * 10))}],
 "couponTypes":[{"id":"market-10-50","industry":"supermarket","faceValue":10,"minSpend":50,"shards":1}],
 "limits":[{"per":"phase","groupBy":"industry","max":1}],
 "rounds":[{"id":"p1","phase":"1","fund":"county","opensAt":"$(date -u -d "$opens sec" +%FT%TZ)",
   "closesAt":"$(date -u -d '+1 day' +%FT%TZ)","validity":{"days":7},"stock":{"market-10-50":$stock}}]}
JSON
}

set_yardstick_stock() {
    curl -sf -X PUT "http://127.0.0.1:$PORT/campaigns/$1/stock/market-10-50?stock=$2" -H "Authorization: Bearer $OPERATOR" \
        || { echo "setting the yardstick's stock failed"; exit 1; }
}

# run_wrk SECONDS PATH CONNECTIONS TOKENS-RUN
run_wrk() {
    WRK_TOKENS="$WORK/tokens-$4.txt" WRK_THREADS=1 WRK_COUPON_TYPE=market-10-50 WRK_REGION=410423 \
        taskset -c "$LOAD_CPU" wrk -t1 -c"$3" -d"$1s" --timeout 10s -s bench/Claims.Yardstick/wrk-claims.lua "http://127.0.0.1:$PORT$2"
}

pg_commits() {
    [ "$TARGET" = postgres ] || { echo 0; return; }
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -Atc "select xact_commit from pg_stat_database where datname = current_database()"
}

# measure LABEL PATH STATUS CONNECTIONS [TOKENS-RUN]: one measured run, counting answers of STATUS per second.
ROWS=()
measure() {
    local label="$1" path="$2" counted="$3" connections="$4" residents="${5:-$4}"
    local ticks_before commits_before
    ticks_before="$(cpu_ticks)"
    commits_before="$(pg_commits)"
    run_wrk "${RUN_SECONDS:-$DURATION}" "$path" "$connections" "$residents" > "$WORK/wrk.txt"
    local ticks=$(($(cpu_ticks) - ticks_before)) commits=$(($(pg_commits) - commits_before))
    local answers latency count total seconds rate cpu p50 p99 per_commit
    answers="$(grep '^answers:' "$WORK/wrk.txt")"
    latency="$(grep '^latency-ms:' "$WORK/wrk.txt")"
    field() { sed -E "s/.* $1=([0-9.]+).*/\1/" <<<"$2"; }
    count="$(field "$counted" "$answers")"
    total=$(( $(field ok "$answers") + $(field created "$answers") + $(field conflict "$answers") + $(field other "$answers") ))
    seconds="$(field seconds "$answers")"
    rate="$(awk -v c="$count" -v s="$seconds" 'BEGIN { printf "%.0f", c / s }')"
    cpu="$(awk -v t="$ticks" -v k="$TICK" -v n="$total" 'BEGIN { printf "%.0f", n ? t * 1e6 / k / n : 0 }')"
    p50="$(sed -E 's/.*p50=([0-9.]+).*/\1/' <<<"$latency")"
    p99="$(sed -E 's/.*p99=([0-9.]+).*/\1/' <<<"$latency")"
    per_commit="$([ "$commits" -gt 0 ] && awk -v c="$count" -v x="$commits" 'BEGIN { printf "%.1f", c / x }' || echo "")"
    ROWS+=("$label|$connections|$counted|$rate|$cpu|$(( total - count ))|$p50|$p99|$per_commit")
    echo "$label, $connections connections: $rate $counted/s, ${cpu} µs CPU per answer ($answers; $latency${per_commit:+; $per_commit grants per commit})" >&2
}

# rush LABEL STOCK_UP: STOCK_UP ID STOCK gives campaign ID ten million coupons; a warm-up on one
# campaign, then a measured rush on a fresh one per connection count.
rush() {
    local label="$1" stock_up="$2"
    "$stock_up" warm 10000000
    run_wrk "$WARMUP" /campaigns/warm/claims 64 warm >/dev/null
    for c in $CONNECTIONS; do
        "$stock_up" "rush-$c" 10000000
        measure "$label" "/campaigns/rush-$c/claims" created "$c"
    done
}

TARGET=""
if wants bare || wants yardstick; then
    TARGET=redis
    serve "$WORK/Claims.Yardstick/Claims.Yardstick.dll" /bare POST Redis="$CLAIMS_TEST_REDIS"
    if wants bare; then
        run_wrk "$WARMUP" /bare 64 warm >/dev/null
        for c in $CONNECTIONS; do measure "Bare Kestrel + JWT (200, no work)" /bare ok "$c"; done
    fi
    if wants yardstick; then
        rush "Yardstick: Redis Lua seckill" set_yardstick_stock
    fi
    stop_server
fi

# serve_claims [NAME=VALUE...]: a Claims server with a data directory and silo ports of its own.
serve_claims() {
    serve "$WORK/Host/Claims.Host.dll" /health/ready GET \
        Storage__DataDirectory="$WORK/data-$RANDOM" Cluster__SiloPort="$(free_port)" Cluster__GatewayPort="$(free_port)" "$@"
}

# claims LABEL [NAME=VALUE...]: a Claims server rushed as the yardstick is.
claims() {
    local label="$1"
    shift
    serve_claims "$@"
    rush "Claims granting, $label" create_campaign
}

if wants memory; then
    TARGET=memory
    claims "in memory" Storage__Provider=Memory
    stop_server
fi
if wants sqlite; then
    TARGET=sqlite
    claims "SQLite (durable)" Storage__Provider=Sqlite
    stop_server
fi
if wants soldout; then
    # A server of its own: one that just granted hundreds of thousands of coupons holds them all,
    # and collecting that heap is a cost of those grants, not of refusing.
    TARGET=sqlite
    serve_claims
    create_campaign gone 1
    run_wrk "$WARMUP" /campaigns/gone/claims 64 warm >/dev/null
    for c in $CONNECTIONS; do measure "Claims refusing sold_out (SQLite)" /campaigns/gone/claims conflict "$c"; done
    stop_server
fi
if wants postgres; then
    TARGET=postgres
    dotnet "$WORK/Host/Claims.Host.dll" schema --Storage:Provider=Postgres --Storage:ConnectionString="$CLAIMS_TEST_POSTGRES" >/dev/null \
        || { echo "applying the PostgreSQL schema failed"; exit 1; }
    claims "PostgreSQL (durable)" Storage__Provider=Postgres Storage__ConnectionString="$CLAIMS_TEST_POSTGRES"
    stop_server
fi

if wants cold; then
    # Idle since start: the round opens a minute and a half after the campaign is created, so
    # the campaign's tick (every minute) warms it up before the opening, as in production.
    TARGET=sqlite
    serve_claims
    connections="${CONNECTIONS##* }"
    create_campaign cold 10000000 90
    sleep 91
    RUN_SECONDS=10 measure "First 10 s of a rush, server idle since start (SQLite)" /campaigns/cold/claims created "$connections" cold
    create_campaign warm 10000000
    run_wrk "$WARMUP" /campaigns/warm/claims "$connections" warm >/dev/null
    create_campaign hot 10000000
    RUN_SECONDS=10 measure "The same server's 10 s after a warm-up (SQLite)" /campaigns/hot/claims created "$connections" hot
    stop_server
fi

echo
echo "$DURATION s per run after a $WARMUP s warm-up; server and store on CPU $SERVER_CPU, wrk -t1 on CPU $LOAD_CPU; $(date -u +%F)"
echo
echo "| Target | Connections | Answers counted | Per second | Server CPU µs per answer | Other answers | p50 ms | p99 ms | Grants per commit |"
echo "|---|---:|---|---:|---:|---:|---:|---:|---:|"
for row in "${ROWS[@]}"; do
    IFS='|' read -r label connections counted rate cpu other p50 p99 per_commit <<<"$row"
    echo "| $label | $connections | $counted | $rate | $cpu | $other | $p50 | $p99 | $per_commit |"
done
