#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for MlValue.PostgreSql's tests, used the same way by developers and CI.
#
#   bash eng/postgres.sh start    create (once) and start the cluster; prints the export line for MLVALUE_POSTGRES
#   bash eng/postgres.sh url      print the connection string (Npgsql keyword format)
#   bash eng/postgres.sh status   say whether it runs (exit 0) or not (exit 3)
#   bash eng/postgres.sh stop     stop it (pg_ctl stop -m fast) and delete its folder
#   bash eng/postgres.sh stop-immediate   stop it abruptly (pg_ctl stop -m immediate: no checkpoint, clients cut off)
#                                 and keep its folder; `start` then runs it again, with crash recovery, on the same port
#   bash eng/postgres.sh crash    stop-immediate, then start again on the same folder and port, waiting until it
#                                 accepts connections
#
# The cluster lives in ${MLVALUE_PG_DIR:-$TMPDIR/mlvalue-pg} (the folder must be reachable by the
# postgres OS user when this runs as root), listens on 127.0.0.1 only, on a free port (5432 only
# when nothing else uses it), with password (SCRAM) authentication on loopback and its socket inside
# its own folder. The system's own cluster, if any, is never touched. This script installs nothing:
# it needs initdb and pg_ctl, on PATH or under /usr/lib/postgresql/<version>/bin
# (on Debian/Ubuntu: apt-get install -y postgresql-15).
set -euo pipefail

dir=${MLVALUE_PG_DIR:-${TMPDIR:-/tmp}/mlvalue-pg}
case "$dir" in /*) ;; *) dir="$PWD/$dir" ;; esac
data="$dir/data"
user_name=postgres
database=mlvalue

fail() { echo "postgres.sh: $*" >&2; exit 1; }

find_bin() {
  local tool=$1 found
  if found=$(command -v "$tool" 2>/dev/null); then
    printf '%s\n' "$found"
    return
  fi
  found=$(ls -d /usr/lib/postgresql/*/bin/"$tool" 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$found" ] || fail "$tool was not found on PATH nor under /usr/lib/postgresql/*/bin. Install PostgreSQL (Debian/Ubuntu: apt-get install -y postgresql-15) and run again."
  printf '%s\n' "$found"
}

# Runs a server tool as the postgres OS user when this script runs as root (initdb and the server refuse root).
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    # From / so that the tools do not complain that the caller's folder is not readable by postgres.
    if command -v runuser >/dev/null 2>&1; then
      (cd / && runuser -u postgres -- "$@")
    else
      (cd / && su postgres -s /bin/sh -c "$(printf '%q ' "$@")")
    fi
  else
    "$@"
  fi
}

free_port() {
  python3 - <<'PY'
import socket
def free(port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        s.bind(("127.0.0.1", port))
        return s.getsockname()[1]
    except OSError:
        return None
    finally:
        s.close()
print(free(5432) or free(0))
PY
}

# Whether nothing listens on the port. SO_REUSEADDR, as the server sets it: the connections an immediate stop
# left in TIME_WAIT do not keep the cluster from its own port.
port_free() {
  python3 - "$1" <<'PY'
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
finally:
    s.close()
PY
}

recorded_port() {
  [ -f "$dir/url" ] && sed -n 's/.*Port=\([0-9]*\).*/\1/p' "$dir/url" || true
}

running() {
  [ -f "$data/PG_VERSION" ] && as_owner "$(find_bin pg_ctl)" status -D "$data" >/dev/null 2>&1
}

url() {
  [ -f "$dir/url" ] || fail "no cluster has been started in $dir. Run: bash eng/postgres.sh start"
  cat "$dir/url"
}

start() {
  if running; then
    echo "postgres.sh: the cluster in $dir already runs" >&2
    echo "export MLVALUE_POSTGRES='$(url)'"
    return
  fi

  local initdb pg_ctl psql port password
  initdb=$(find_bin initdb)
  pg_ctl=$(find_bin pg_ctl)
  psql=$(find_bin psql)
  command -v python3 >/dev/null 2>&1 || fail "python3 is needed to find a free port."

  if [ ! -f "$data/PG_VERSION" ]; then
    rm -rf "$dir"
    mkdir -p "$dir/socket"
    password=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
    printf '%s\n' "$password" >"$dir/password"
    if [ "$(id -u)" -eq 0 ]; then
      id postgres >/dev/null 2>&1 || fail "the postgres OS user does not exist; install PostgreSQL's server package, which creates it."
      chown -R postgres: "$dir"
    fi
    chmod 700 "$dir"
    as_owner "$initdb" -D "$data" -U "$user_name" --pwfile="$dir/password" --auth-local=trust --auth-host=scram-sha-256 \
      --encoding=UTF8 --locale=C --no-instructions >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; fail "initdb failed in $data (log above)."; }
  fi

  password=$(cat "$dir/password")
  # A cluster started before (stopped by stop-immediate) comes back on its recorded port, so that connection
  # strings taken from `url` stay valid; a new cluster, or one whose port was taken meanwhile, gets a free port.
  port=$(recorded_port)
  if [ -z "$port" ] || ! port_free "$port"; then
    port=$(free_port)
  fi
  # Loopback only, the socket in our own folder, enough connections for parallel test classes.
  as_owner "$pg_ctl" start -D "$data" -w -t 60 -l "$dir/server.log" \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir/socket -c max_connections=200" >/dev/null \
    || { tail -n 30 "$dir/server.log" >&2 || true; fail "the server did not start (log above, in $dir/server.log)."; }

  if ! as_owner "$psql" -h "$dir/socket" -p "$port" -U "$user_name" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1; then
    as_owner "$psql" -h "$dir/socket" -p "$port" -U "$user_name" -d postgres -qc "CREATE DATABASE $database" >/dev/null
  fi

  printf 'Host=127.0.0.1;Port=%s;Username=%s;Password=%s;Database=%s\n' "$port" "$user_name" "$password" "$database" >"$dir/url"
  echo "postgres.sh: PostgreSQL runs on 127.0.0.1:$port (folder $dir); stop it with: bash eng/postgres.sh stop" >&2
  echo "export MLVALUE_POSTGRES='$(url)'"
}

stop() {
  if running; then
    as_owner "$(find_bin pg_ctl)" stop -D "$data" -m fast -w >/dev/null
    echo "postgres.sh: stopped the cluster in $dir" >&2
  fi
  rm -rf "$dir"
}

# Cuts the server off as a power loss would (only the cluster of this script's folder: never another one).
stop_immediate() {
  [ -f "$data/PG_VERSION" ] || fail "no cluster has been created in $dir. Run: bash eng/postgres.sh start"
  if running; then
    as_owner "$(find_bin pg_ctl)" stop -D "$data" -m immediate -w >/dev/null
    echo "postgres.sh: stopped the cluster in $dir immediately (its folder is kept)" >&2
  fi
}

crash() {
  stop_immediate
  start >/dev/null
}

status() {
  if running; then
    echo "postgres.sh: running in $dir: $(url)" | sed 's/Password=[^;]*/Password=***/'
  else
    echo "postgres.sh: not running (folder $dir)"
    exit 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  stop-immediate) stop_immediate ;;
  crash) crash ;;
  url) url ;;
  status) status ;;
  *) echo "usage: bash eng/postgres.sh start|stop|stop-immediate|crash|url|status" >&2; exit 2 ;;
esac
