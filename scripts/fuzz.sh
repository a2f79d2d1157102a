#!/usr/bin/env bash
# `npm run fuzz`: schemathesis (pinned, from PyPI, in .tools/venv) against the real API — a fresh database with the
# demo data, a Temporal dev server and the worker — as three roles (admin, approver, drafter of the province).
# Fails on any 5xx; with FUZZ_SCHEMA=1 also on responses that do not match the OpenAPI document.
# Prints the number of requests made. Knobs: FUZZ_MAX_EXAMPLES (per operation and role, default 25),
# FUZZ_PHASES (default examples,coverage,fuzzing), FUZZ_SEED, FUZZ_SCHEMA (0/1), FUZZ_ROLES, CCHC_FUZZ_*_PORT.
set -euo pipefail
source "$(dirname "$0")/env.sh"
source "$(dirname "$0")/pg.sh"
cd "$ROOT"

PG_PORT="${CCHC_PG_FUZZ_PORT:-54332}"
TEMPORAL_PORT="${CCHC_TEMPORAL_FUZZ_PORT:-7253}"
export API_PORT="${CCHC_FUZZ_API_PORT:-3090}"
MAX_EXAMPLES="${FUZZ_MAX_EXAMPLES:-25}"
PHASES="${FUZZ_PHASES:-examples,coverage,fuzzing}"
ROLES="${FUZZ_ROLES:-admin approver drafter}"
CHECKS="not_a_server_error"
[ "${FUZZ_SCHEMA:-0}" = 1 ] && CHECKS="$CHECKS,response_schema_conformance"
OUT="$DATA_DIR/fuzz"
pids=()
started_pg=""
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -n "$started_pg" ] && pg_cluster_stop "$started_pg"
  return 0
}
trap cleanup EXIT

bash scripts/bootstrap.sh
bash scripts/build.sh
rm -rf "$OUT" && mkdir -p "$OUT"

pg_cluster_start "$DATA_DIR/pg-fuzz" "$PG_PORT" fast
[ "$PG_STARTED_BY_US" = 1 ] && started_pg="$DATA_DIR/pg-fuzz"
as_pg "$PG_BIN/psql" -h "$DATA_DIR/pg-fuzz/run" -p "$PG_PORT" -U postgres -qAt -c "DROP DATABASE IF EXISTS cchc_fuzz" >/dev/null
pg_ensure_role_db "$DATA_DIR/pg-fuzz" "$PG_PORT" cchc_fuzz cchc_fuzz cchc_fuzz
export DATABASE_URL="postgres://cchc_fuzz:cchc_fuzz@127.0.0.1:$PG_PORT/cchc_fuzz"
export TEMPORAL_ADDRESS="127.0.0.1:$TEMPORAL_PORT" JWT_SECRET="$(node -e 'console.log(require("crypto").randomBytes(32).toString("hex"))')"
# One address signs in for every role and the fuzzer sends wrong passwords: request limits off for the run.
export RATE_LIMIT_LOGIN_PER_MINUTE=0 RATE_LIMIT_EXPENSIVE_READS_PER_MINUTE=0 LOGIN_MAX_ATTEMPTS_PER_ADDRESS=100000
export LOG_LEVEL=warn NODE_ENV=development
node dist/libs/persistence/src/cli/migrate.js run >/dev/null
node dist/apps/api/src/cli/seed-demo.js >/dev/null

"$TEMPORAL_CLI" server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" --headless --log-level error \
  >"$OUT/temporal.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do "$TEMPORAL_CLI" operator cluster health --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1 && break; sleep 1; done
node dist/apps/worker/src/main.js >"$OUT/worker.log" 2>&1 &
pids+=($!)
node dist/apps/api/src/main.js >"$OUT/api.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$API_PORT/ready" >/dev/null 2>&1 && break; sleep 1; done
curl -fsS "http://127.0.0.1:$API_PORT/ready" >/dev/null || { tail -20 "$OUT/api.log" >&2; die "the API is not ready"; }
curl -fsS "http://127.0.0.1:$API_PORT/docs/openapi.json" >"$OUT/openapi.json"

login() {
  curl -fsS "http://127.0.0.1:$API_PORT/auth/login" -H 'content-type: application/json' \
    -d "{\"email\":\"$1.bth@demo.cchc.vn\",\"password\":\"CchcDemo@2024\"}" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).accessToken))'
}

log "fuzzing $(node -e 'const d=require(process.argv[1]);let n=0;for(const p of Object.values(d.paths))n+=Object.keys(p).length;console.log(n)' "$OUT/openapi.json") operations as: $ROLES (checks: $CHECKS; up to $MAX_EXAMPLES examples per operation)"
rc=0
for role in $ROLES; do
  token="$(login "$role")"
  log "as $role"
  # Signing out would end the session the fuzzer is using; everything else is fair game.
  # Run from $OUT: schemathesis and hypothesis keep their caches in the working directory.
  (cd "$OUT" && "$VENV_DIR/bin/schemathesis" run "$OUT/openapi.json" --url "http://127.0.0.1:$API_PORT" \
    -H "Authorization: Bearer $token" --checks "$CHECKS" --phases "$PHASES" --max-examples "$MAX_EXAMPLES" \
    --exclude-path /auth/logout --workers 2 --request-timeout 30 --no-shrink --continue-on-failure \
    ${FUZZ_SEED:+--seed "$FUZZ_SEED"} --report har --report-har-path "$OUT/$role.har" --output-truncate true \
    >"$OUT/$role.txt" 2>&1) || rc=1
  sed -n '/^Test cases:/,/^$/p;/^Failures:/,/^$/p;/^Errors:/,/^$/p' "$OUT/$role.txt" | grep -v '^$' || true
done

requests=$(node -e 'const fs=require("fs");let n=0;for(const f of process.argv.slice(1))n+=JSON.parse(fs.readFileSync(f,"utf8")).log.entries.length;console.log(n)' "$OUT"/*.har)
server_errors=$(grep -c '"msg":"unhandled error"' "$OUT/api.log" || true)
echo "fuzz_requests=$requests"
echo "fuzz_server_errors_logged=$server_errors"
echo "fuzz_result=$([ $rc = 0 ] && echo pass || echo fail) (details: $OUT/<role>.txt)"
exit $rc
