#!/usr/bin/env bash
# Compiles TypeScript to dist/ (aliases rewritten to relative paths), builds the workflow bundle and the web app
# (apps/web/dist, served by the API on the same origin).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
rm -rf dist
npx tsc -p tsconfig.build.json
npx tsc-alias -p tsconfig.build.json
node dist/apps/worker/src/bundle/build-workflow-bundle.js dist/workflow-bundle.js >/dev/null
npx tsc -p apps/web/tsconfig.json
npx vite build --config apps/web/vite.config.mts --logLevel warn
log "built dist/, dist/workflow-bundle.js and apps/web/dist/"
