#!/usr/bin/env bash
# `npm test`: the whole suite — type check, unit, integration (real PostgreSQL + Temporal time-skipping
# test server) and e2e (HTTP via supertest). Starts and stops what it needs. Extra args go to jest,
# e.g. `npm test -- test/integration/wiring.test.ts`. With no args the browser tests (Playwright, scripts/web-test.sh)
# run after jest and count in the closing line; `npm test -- --web [playwright args]` runs only them.
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

web_only=""
if [ "${1:-}" = "--web" ]; then
  web_only=1
  shift
fi
run_web=""
[ $# -eq 0 ] || [ -n "$web_only" ] && run_web=1

if [ $# -eq 0 ] && [ -z "$web_only" ]; then
  log "linting"
  npm run --silent lint || die "lint failed: run \`npm run format\` for formatting, fix the rest by hand"
  log "type-checking"
  npx tsc -p tsconfig.json --noEmit
  npx tsc -p apps/web/tsconfig.json
fi

# The web app's build (dist/web): served by the API in the e2e tests and driven by the browser tests.
if [ $# -eq 0 ] || web_build_stale; then
  log "building the web app"
  npx vite build --config apps/web/vite.config.mts --logLevel warn
fi

report="$CCHC_TEST_DATA_DIR/jest-report.json"
web_report="$CCHC_TEST_DATA_DIR/playwright-report.json"
rm -f "$report" "$web_report"
rc=0
if [ -z "$web_only" ]; then
  log "running jest"
  set +e
  npx jest --ci --maxWorkers=2 --json --outputFile="$report" "$@"
  rc=$?
  set -e
fi
if [ -n "$run_web" ]; then
  set +e
  if [ -n "$web_only" ]; then bash scripts/web-test.sh "$@"; else bash scripts/web-test.sh; fi
  [ $? -eq 0 ] || rc=1
  set -e
fi
# The OpenAPI fuzzer (schemathesis) against the real API as admin, approver and drafter, bounded: any 5xx or response
# that does not match the document fails it (a longer run: `npm run fuzz`). Counted as one test in the closing line.
fuzz_result="$CCHC_TEST_DATA_DIR/fuzz-result"
rm -f "$fuzz_result"
if [ $# -eq 0 ] && [ -z "$web_only" ]; then
  log "fuzzing the API (schemathesis, 5 examples per operation and role, schema conformance on)"
  if FUZZ_SCHEMA=1 FUZZ_MAX_EXAMPLES="${FUZZ_MAX_EXAMPLES:-5}" bash scripts/fuzz.sh; then echo pass >"$fuzz_result"; else
    echo fail >"$fuzz_result"
    rc=1
  fi
fi

# The plain closing line CI reads: "N passed, N failed" (jest and the browser tests together).
node -e '
  const fs = require("fs");
  let passed = 0, failed = 0, skipped = 0, total = 0;
  const [jestFile, webFile, fuzzFile] = process.argv.slice(1);
  if (fs.existsSync(jestFile)) {
    const r = JSON.parse(fs.readFileSync(jestFile, "utf8"));
    // A file that fails outside a test (setup, teardown, the contract check) counts as one failure.
    const brokenFiles = r.testResults.filter((t) => t.status === "failed" && !t.assertionResults.some((a) => a.status === "failed")).length;
    passed += r.numPassedTests; failed += r.numFailedTests + brokenFiles; skipped += r.numPendingTests + r.numTodoTests;
    total += r.numTotalTests;
  }
  if (fs.existsSync(webFile)) {
    const s = JSON.parse(fs.readFileSync(webFile, "utf8")).stats;
    passed += s.expected + s.flaky; failed += s.unexpected; skipped += s.skipped;
    total += s.expected + s.flaky + s.unexpected + s.skipped;
  }
  if (fs.existsSync(fuzzFile)) {
    if (fs.readFileSync(fuzzFile, "utf8").trim() === "pass") passed++; else failed++;
    total++;
  }
  console.log(`tests: ${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
  if (total === 0) { console.error("no test ran"); process.exit(1); }
' "$report" "$web_report" "$fuzz_result" || rc=1
exit $rc
