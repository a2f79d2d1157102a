# PostgreSQL helpers: a private cluster under the git-ignored data folder. Source after env.sh.
# Runs the server as the `postgres` OS user when we are root (initdb refuses root).

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Layout of a cluster folder DIR (owned by the server's OS user): DIR/data, DIR/run (socket), DIR/server.log.

# pg_cluster_start DIR PORT [fast]: initialise DIR if needed and start a server on 127.0.0.1:PORT.
# Returns when the server accepts connections. Sets PG_STARTED_BY_US=1 if this call started it.
pg_cluster_start() {
  local dir="$1" port="$2" fast="${3:-}"
  PG_STARTED_BY_US=0
  mkdir -p "$dir/run"
  dir="$(cd "$dir" && pwd)"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir" "$dir/run"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    log "initialising a PostgreSQL cluster in $dir"
    as_pg "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 >/dev/null 2>"$dir/run/initdb.err" \
      || { cat "$dir/run/initdb.err" >&2; die "initdb failed"; }
  fi
  if as_pg "$PG_BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    return 0
  fi
  local opts="-p $port -k $dir/run -c listen_addresses=127.0.0.1 -c max_connections=200"
  [ -n "$fast" ] && opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=256MB"
  as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$opts" start >/dev/null \
    || { tail -5 "$dir/server.log" >&2; die "PostgreSQL did not start: see $dir/server.log"; }
  PG_STARTED_BY_US=1
}

pg_cluster_stop() {
  local dir="$1"
  as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

# pg_ensure_role_db DIR PORT ROLE PASSWORD DB: idempotently creates the login role (CREATEDB) and its database.
pg_ensure_role_db() {
  local dir="$1" port="$2" role="$3" pass="$4" db="$5"
  local psql=(as_pg "$PG_BIN/psql" -h "$dir/run" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt)
  "${psql[@]}" -c "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$role') THEN
        CREATE ROLE $role LOGIN CREATEDB PASSWORD '$pass';
      END IF; END \$\$;" >/dev/null
  if [ -z "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
    "${psql[@]}" -c "CREATE DATABASE $db OWNER $role" >/dev/null
  fi
}
