#!/usr/bin/env bash
# Sourced by scripts/test.sh: starts a throwaway PostgreSQL server (installing it with apt-get
# when missing) on a free port and a temporary data directory, exports its connection string as
# CLAIMS_TEST_POSTGRES, and registers stop_postgres to stop it and delete the directory.

pg_bin() {
    local found
    found="$(command -v initdb 2>/dev/null || ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1)"
    [ -n "$found" ] && dirname "$found"
}

free_port() {
    local port
    for _ in $(seq 100); do
        port=$((20000 + RANDOM % 20000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    return 1
}

start_postgres() {
    local bin
    bin="$(pg_bin)"
    if [ -z "$bin" ]; then
        echo "PostgreSQL is not installed: installing it with apt-get"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        bin="$(pg_bin)"
    fi

    PG_DATA="$(mktemp -d /tmp/claims-pg.XXXXXX)"
    PG_PORT="$(free_port)"

    # The server refuses to run as root: it runs as the postgres account the package created.
    local as=()
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres "$PG_DATA"
        as=(runuser -u postgres --)
    fi
    PG_AS=("${as[@]}")
    "${as[@]}" "$bin/initdb" -D "$PG_DATA/data" -U postgres -A trust --no-sync >/dev/null
    "${as[@]}" "$bin/pg_ctl" -D "$PG_DATA/data" -l "$PG_DATA/log" -w \
        -o "-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
    PG_CTL="$bin/pg_ctl"
    export CLAIMS_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
    export CLAIMS_TEST_PG_CTL="$PG_CTL"
    export CLAIMS_TEST_PG_DATA="$PG_DATA/data"
    echo "PostgreSQL on port $PG_PORT ($PG_DATA)"
}

stop_postgres() {
    if [ -n "${PG_DATA:-}" ]; then
        "${PG_AS[@]}" "$PG_CTL" -D "$PG_DATA/data" -m immediate stop >/dev/null 2>&1
        rm -rf "$PG_DATA"
    fi
}
