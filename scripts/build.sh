#!/usr/bin/env bash
# Compiles the API and the worker with the Nest CLI (nest-cli.json: one monorepo, path aliases rewritten to
# relative paths in dist/) and builds the workflow bundle the worker loads. Also builds the web app
# (dist/web, served by the API on the same origin).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
rm -rf dist
npx nest build api
npx nest build worker
node dist/apps/worker/src/bundle/build-workflow-bundle.js dist/workflow-bundle.js >/dev/null
npx tsc -p apps/web/tsconfig.json
npx vite build --config apps/web/vite.config.mts --logLevel warn
log "built dist/, dist/workflow-bundle.js and dist/web/"
