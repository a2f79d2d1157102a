#!/usr/bin/env bash
# Compiles TypeScript to dist/ (aliases rewritten to relative paths) and builds the workflow bundle.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
rm -rf dist
npx tsc -p tsconfig.build.json
npx tsc-alias -p tsconfig.build.json
node dist/apps/worker/src/bundle/build-workflow-bundle.js dist/workflow-bundle.js >/dev/null
log "built dist/ and dist/workflow-bundle.js"
