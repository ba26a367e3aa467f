#!/usr/bin/env bash
# Run a command with a throwaway PostgreSQL and Redis listening on loopback.
#
#   scripts/with-services.sh CMD [ARGS...]
#
# Both servers live in a temp dir, on free ports of 127.0.0.1, without
# durability (this is test data). CMD sees DATABASE_URL and REDIS_URL. The
# servers are stopped and the temp dir removed whatever happens to CMD
# (success, failure, Ctrl-C); the script exits with CMD's exit code.
set -euo pipefail

if [ $# -eq 0 ]; then
    echo "usage: $0 CMD [ARGS...]" >&2
    exit 2
fi

die() {
    echo "with-services: $*" >&2
    exit 1
}

missing_hint="run .ci/run or apt-get install postgresql redis-server"

find_pg_bindir() {
    local dir
    if command -v pg_config >/dev/null 2>&1; then
        dir=$(pg_config --bindir 2>/dev/null || true)
        if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
            echo "$dir"
            return
        fi
    fi
    # Debian keeps the server binaries out of PATH; take the newest version.
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$dir/initdb" ]; then
            echo "$dir"
            return
        fi
    done
}

pg_bindir=$(find_pg_bindir)
[ -n "$pg_bindir" ] || die "PostgreSQL server binaries (initdb, pg_ctl) not found: $missing_hint"
redis_server=$(command -v redis-server || true)
[ -n "$redis_server" ] || die "redis-server not found: $missing_hint"

# PostgreSQL refuses to run as root: when we are root, run it as `postgres`.
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' user: $missing_hint"
    as_pg=(runuser -u postgres --)
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/claimtrack-services.XXXXXX")
pgdata="$tmp/pgdata"
pg_started=0
redis_pidfile="$tmp/redis.pid"

cleanup() {
    local rc=$?
    # A second Ctrl-C while cleaning up must not leave servers or the temp dir behind.
    trap '' INT TERM
    trap - EXIT
    if [ "$pg_started" -eq 1 ]; then
        "${as_pg[@]}" "$pg_bindir/pg_ctl" -D "$pgdata" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    if [ -s "$redis_pidfile" ]; then
        local pid
        pid=$(cat "$redis_pidfile")
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -rf "$tmp"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

show_log_and_die() {
    echo "---- $1 ----" >&2
    cat "$1" >&2 || true
    die "$2"
}

# Two distinct free ports, held open together so they cannot be the same.
read -r pg_port redis_port < <(python3 - <<'PY'
import socket
socks = [socket.socket() for _ in range(2)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in socks))
PY
)

# --- PostgreSQL -------------------------------------------------------------
if [ ${#as_pg[@]} -gt 0 ]; then
    chown postgres: "$tmp"
fi
"${as_pg[@]}" "$pg_bindir/initdb" -D "$pgdata" -U postgres --auth=trust \
    --encoding=UTF8 --no-locale --no-sync >"$tmp/initdb.log" 2>&1 \
    || show_log_and_die "$tmp/initdb.log" "initdb failed"
pg_started=1
"${as_pg[@]}" "$pg_bindir/pg_ctl" -D "$pgdata" -l "$tmp/postgres.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null \
    || show_log_and_die "$tmp/postgres.log" "PostgreSQL did not start"
"${as_pg[@]}" "$pg_bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$tmp" -p "$pg_port" -U postgres -d postgres \
    -c "CREATE ROLE claimtrack LOGIN CREATEDB PASSWORD 'claimtrack'" \
    -c "CREATE DATABASE claimtrack OWNER claimtrack" >/dev/null

# --- Redis ------------------------------------------------------------------
"$redis_server" --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no \
    --dir "$tmp" --daemonize yes --pidfile "$redis_pidfile" --logfile "$tmp/redis.log" \
    || show_log_and_die "$tmp/redis.log" "redis-server did not start"
for _ in $(seq 100); do
    if python3 - "$redis_port" <<'PY' 2>/dev/null
import socket, sys
with socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1) as s:
    s.sendall(b"PING\r\n")
    assert s.recv(16).startswith(b"+PONG")
PY
    then
        break
    fi
    sleep 0.1
done

export DATABASE_URL="postgres://claimtrack:claimtrack@127.0.0.1:$pg_port/claimtrack"
export REDIS_URL="redis://127.0.0.1:$redis_port/0"
echo "with-services: PostgreSQL $("$pg_bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port, Redis on 127.0.0.1:$redis_port" >&2

set +e
"$@"
rc=$?
set -e
exit "$rc"
