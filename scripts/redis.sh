#!/usr/bin/env bash
# Sourced by scripts/test.sh: starts a throwaway Redis server (installing it with apt-get when
# missing) on a free port and a temporary directory, exports its address as CLAIMS_TEST_REDIS, and
# registers stop_redis to stop it. Uses free_port from scripts/postgres.sh.

start_redis() {
    if ! command -v redis-server >/dev/null 2>&1; then
        echo "Redis is not installed: installing it with apt-get"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
    fi

    REDIS_DIR="$(mktemp -d /tmp/claims-redis.XXXXXX)"
    REDIS_PORT="$(free_port)"
    # No snapshots: the data is as throwaway as the directory.
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$REDIS_DIR" --save '' --appendonly no \
        --daemonize yes --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/log" >/dev/null
    for _ in $(seq 50); do
        redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
        sleep 0.1
    done
    export CLAIMS_TEST_REDIS="127.0.0.1:$REDIS_PORT"
    echo "Redis on port $REDIS_PORT ($REDIS_DIR)"
}

stop_redis() {
    if [ -n "${REDIS_DIR:-}" ]; then
        redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1
        rm -rf "$REDIS_DIR"
    fi
}
