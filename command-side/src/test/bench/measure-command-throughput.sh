#!/usr/bin/env bash
# Measures issue 2's figures on the `postgres` profile: commands/s through HTTP, 8 clients, status reports over
# 1,000 objectives, for Axon's JDBC and JPA engines, median of 3 runs each; and the raw single-row
# INSERT+COMMIT rate from 8 connections to the same PostgreSQL. Needs a local PostgreSQL with a superuser
# ledger/ledger (Debian: apt-get install postgresql wrk), and the built jar (./mvnw -q install -DskipTests).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar="$here/../../../target/command-side-0.1.0-SNAPSHOT.jar"
export PGPASSWORD=ledger PGHOST=localhost PGUSER=ledger
duration=${DURATION:-20s}
port=8099

raw_insert() {
    psql -qd postgres -c "DROP DATABASE IF EXISTS ledger_raw" -c "CREATE DATABASE ledger_raw"
    psql -qd ledger_raw -c "CREATE TABLE raw_insert (id BIGSERIAL PRIMARY KEY, payload BYTEA NOT NULL, recorded_at TIMESTAMPTZ NOT NULL DEFAULT now())"
    for run in 1 2 3; do
        pgbench -n -c 8 -j 2 -T "${duration%s}" -f "$here/raw-insert.sql" ledger_raw | awk '/^tps/ {printf "raw-insert run=%s tps=%.0f\n", "'"$run"'", $3}'
    done
}

engine_run() { # engine profile list, e.g. "postgres" or "postgres,jpa"
    local profiles=$1 name=$2
    psql -qd postgres -c "DROP DATABASE IF EXISTS ledger_bench" -c "CREATE DATABASE ledger_bench"
    LEDGER_DB_URL=jdbc:postgresql://localhost:5432/ledger_bench java -Xmx512m -jar "$jar" \
        --spring.profiles.active="$profiles" --server.port=$port > "/tmp/bench-$name.log" 2>&1 &
    local pid=$!
    until curl -sf "localhost:$port/actuator/health" > /dev/null; do sleep 1; done
    for i in $(seq 1 1000); do
        printf '{"objectiveId":"B%04d","axis":"1","priority":"1.P1","title":"Objectif de charge %d"}' "$i" "$i" |
            curl -sf -o /dev/null -XPOST "localhost:$port/api/objectives" -H 'Content-Type: application/json' -d @-
    done
    wrk -t2 -c8 -d5s -s "$here/status-reports.lua" "http://localhost:$port" > /dev/null   # warm-up
    for run in 1 2 3; do
        wrk -t2 -c8 -d"$duration" -s "$here/status-reports.lua" "http://localhost:$port" | grep '^requests=' |
            sed "s/^/$name run=$run /"
    done
    kill "$pid"; wait "$pid" || true
}

raw_insert
engine_run postgres jdbc
engine_run postgres,jpa jpa
raw_insert
