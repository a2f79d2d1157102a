#!/usr/bin/env bash
# `npm run screenshots`: regenerates docs/screenshots/*.png (1366×768) of the web app's main pages by running the
# browser journeys against the real stack with CCHC_SCREENSHOTS set (see shot() in test/web/support.ts).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
mkdir -p docs/screenshots
export CCHC_SCREENSHOTS="$ROOT/docs/screenshots"
bash scripts/test.sh --web
ls -1 docs/screenshots/*.png
