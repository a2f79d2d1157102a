#!/usr/bin/env bash
# `npm test`: the whole suite — type check, unit, integration (real PostgreSQL + Temporal time-skipping
# test server) and e2e (HTTP via supertest). Starts and stops what it needs. Extra args go to jest,
# e.g. `npm test -- test/integration/wiring.test.ts`.
set -euo pipefail
source "$(dirname "$0")/env.sh"
source "$(dirname "$0")/pg.sh"
cd "$ROOT"

bash scripts/bootstrap.sh

PG_TEST_PORT="${CCHC_PG_TEST_PORT:-54330}"
started_pg=""
cleanup() {
  [ -n "$started_pg" ] && pg_cluster_stop "$started_pg"
  return 0
}
trap cleanup EXIT

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  pg_cluster_start "$DATA_DIR/pg-test" "$PG_TEST_PORT" fast
  [ "$PG_STARTED_BY_US" = 1 ] && started_pg="$DATA_DIR/pg-test"
  pg_ensure_role_db "$DATA_DIR/pg-test" "$PG_TEST_PORT" cchc_test cchc_test cchc_test
  export TEST_DATABASE_URL="postgres://cchc_test:cchc_test@127.0.0.1:$PG_TEST_PORT/cchc_test"
fi
export TEMPORAL_TEST_SERVER_PATH="$TEMPORAL_TEST_SERVER"
export TEMPORAL_CLI_PATH="$TEMPORAL_CLI"
export FAKETIME_LIB="$(faketime_lib)"
export CCHC_TEST_DATA_DIR="$DATA_DIR/test"
mkdir -p "$CCHC_TEST_DATA_DIR"

if [ $# -eq 0 ]; then
  log "linting"
  npm run --silent lint || die "lint failed: run \`npm run format\` for formatting, fix the rest by hand"
  log "type-checking"
  npx tsc -p tsconfig.json --noEmit
fi

log "running jest"
report="$CCHC_TEST_DATA_DIR/jest-report.json"
rm -f "$report"
set +e
npx jest --ci --maxWorkers=2 --json --outputFile="$report" "$@"
rc=$?
set -e
if [ -f "$report" ]; then
  # The plain closing line CI reads: "N passed, N failed".
  node -e '
    const r = require(process.argv[1]);
    const skipped = r.numPendingTests + r.numTodoTests;
    console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
    if (r.numTotalTests === 0) { console.error("no test ran"); process.exit(1); }
  ' "$report" || rc=1
fi
exit $rc
