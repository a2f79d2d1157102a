#!/usr/bin/env bash
# The browser tests (Playwright + axe, Debian's Chromium) against the real stack: compiles the stack server
# (test/web/stack-server.ts, with decorator metadata), uses the web app's build (dist/web), and runs Playwright, which starts the
# stack server itself. Needs TEST_DATABASE_URL and the Temporal paths that scripts/test.sh exports; run through
# `npm test` (after jest), or alone with `bash scripts/test.sh --web`.
# Writes the Playwright JSON report to $CCHC_TEST_DATA_DIR/playwright-report.json.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
log "building the browser-test stack"
web_build_stale && npx vite build --config apps/web/vite.config.mts --logLevel warn
rm -rf dist-web-e2e
npx tsc -p tsconfig.web-e2e.json
npx tsc-alias -p tsconfig.web-e2e.json
log "running the browser tests"
export PLAYWRIGHT_JSON_OUTPUT_NAME="$CCHC_TEST_DATA_DIR/playwright-report.json"
rm -f "$PLAYWRIGHT_JSON_OUTPUT_NAME"
npx playwright test "$@"
