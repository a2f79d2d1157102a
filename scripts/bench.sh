#!/usr/bin/env bash
# `npm run bench -- <name>`: the one entry for benchmarks. Starts and stops what the benchmark needs
# (a private PostgreSQL cluster and, where needed, a Temporal dev server) and prints key=value lines last.
set -euo pipefail
source "$(dirname "$0")/env.sh"
source "$(dirname "$0")/pg.sh"
cd "$ROOT"

name="${1:-}"
shift || true
benches=$(ls test/bench/*.bench.ts 2>/dev/null | xargs -n1 basename 2>/dev/null | sed 's/\.bench\.ts$//' | tr '\n' ' ')
[ -n "$name" ] || die "usage: npm run bench -- <name>   (available: $benches)"
[ -f "test/bench/$name.bench.ts" ] || die "unknown benchmark \"$name\" (available: $benches)"

bash scripts/bootstrap.sh
PG_BENCH_PORT="${CCHC_PG_BENCH_PORT:-54331}"
started_pg=""
temporal_pid=""
cleanup() {
  [ -n "$temporal_pid" ] && kill "$temporal_pid" 2>/dev/null && wait "$temporal_pid" 2>/dev/null
  [ -n "$started_pg" ] && pg_cluster_stop "$started_pg"
  return 0
}
trap cleanup EXIT
if [ -z "${BENCH_DATABASE_URL:-}" ]; then
  pg_cluster_start "$DATA_DIR/pg-bench" "$PG_BENCH_PORT"
  [ "$PG_STARTED_BY_US" = 1 ] && started_pg="$DATA_DIR/pg-bench"
  pg_ensure_role_db "$DATA_DIR/pg-bench" "$PG_BENCH_PORT" cchc_bench cchc_bench cchc_bench
  export BENCH_DATABASE_URL="postgres://cchc_bench:cchc_bench@127.0.0.1:$PG_BENCH_PORT/cchc_bench"
fi
if grep -q "@needs-temporal" "test/bench/$name.bench.ts" && [ -z "${BENCH_TEMPORAL_ADDRESS:-}" ]; then
  port="${CCHC_TEMPORAL_BENCH_PORT:-7243}"
  "$TEMPORAL_CLI" server start-dev --headless --ip 127.0.0.1 --port "$port" --log-level error \
    --dynamic-config-value frontend.rps=100000 --dynamic-config-value frontend.namespaceRPS=100000 >"$DATA_DIR/temporal-bench.log" 2>&1 &
  temporal_pid=$!
  for _ in $(seq 1 60); do "$TEMPORAL_CLI" operator cluster health --address "127.0.0.1:$port" >/dev/null 2>&1 && break; sleep 1; done
  export BENCH_TEMPORAL_ADDRESS="127.0.0.1:$port"
fi
export CCHC_BENCH_DATA_DIR="$DATA_DIR/bench"
mkdir -p "$CCHC_BENCH_DATA_DIR"
log "compiling benchmarks"
rm -rf dist-bench
npx tsc -p tsconfig.bench.json
npx tsc-alias -p tsconfig.bench.json
# BENCH_NODE_ARGS: extra node flags, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile a benchmark
node ${BENCH_NODE_ARGS:-} -r reflect-metadata "dist-bench/test/bench/$name.bench.js" "$@"
