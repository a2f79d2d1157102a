#!/usr/bin/env bash
# `npm run up`: runs the product locally. Starts (or reuses) PostgreSQL and the Temporal dev server,
# migrates, loads the demo data, starts the worker and the API, prints the URLs. Ctrl-C stops what it started.
# With DATABASE_URL / TEMPORAL_ADDRESS set it uses those and starts nothing local for them.
set -euo pipefail
source "$(dirname "$0")/env.sh"
source "$(dirname "$0")/pg.sh"
cd "$ROOT"

PG_PORT="${CCHC_PG_PORT:-54329}"
TEMPORAL_PORT="${CCHC_TEMPORAL_PORT:-7233}"
TEMPORAL_UI_PORT="${CCHC_TEMPORAL_UI_PORT:-8233}"
export API_PORT="${API_PORT:-3000}"
export NODE_ENV="${NODE_ENV:-development}"
mkdir -p "$DATA_DIR/logs"
# Tokens are signed with a per-installation secret kept in the (git-ignored) data folder, unless JWT_SECRET is given.
if [ -z "${JWT_SECRET:-}" ]; then
  [ -s "$DATA_DIR/jwt-secret" ] || (umask 077 && node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("hex"))' >"$DATA_DIR/jwt-secret")
  export JWT_SECRET="$(cat "$DATA_DIR/jwt-secret")"
fi

pids=()
declare -A app_pid=() app_since=() app_delay=([worker]=5 [api]=5)
started_pg=""
cleanup() {
  trap - EXIT
  log "stopping…"
  for pid in "${app_pid[@]}" "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${app_pid[@]}" "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -n "$started_pg" ] && pg_cluster_stop "$started_pg"
  log "stopped (data kept in $DATA_DIR)"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

bash scripts/bootstrap.sh
log "building"
bash scripts/build.sh

# PostgreSQL
if [ -z "${DATABASE_URL:-}" ]; then
  pg_cluster_start "$DATA_DIR/pg" "$PG_PORT"
  [ "$PG_STARTED_BY_US" = 1 ] && started_pg="$DATA_DIR/pg"
  pg_ensure_role_db "$DATA_DIR/pg" "$PG_PORT" cchc cchc cchc
  export DATABASE_URL="postgres://cchc:cchc@127.0.0.1:$PG_PORT/cchc"
  log "PostgreSQL on 127.0.0.1:$PG_PORT (data in $DATA_DIR/pg)"
else
  log "using DATABASE_URL from the environment"
fi

log "migrating"
node dist/libs/persistence/src/cli/migrate.js run || die "migrations failed (is DATABASE_URL right?)"
if [ -f dist/apps/api/src/cli/seed-demo.js ]; then
  log "loading demo data"
  node dist/apps/api/src/cli/seed-demo.js || die "demo data failed to load"
fi

# Temporal
if [ -z "${TEMPORAL_ADDRESS:-}" ]; then
  export TEMPORAL_ADDRESS="127.0.0.1:$TEMPORAL_PORT"
  if ! "$TEMPORAL_CLI" operator cluster health --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1; then
    log "starting the Temporal dev server (SQLite in $DATA_DIR/temporal.sqlite)"
    # A 2 s long poll (instead of 60 s): a live worker polls often, so /ready tells within 5 s that it is gone.
    "$TEMPORAL_CLI" server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" --ui-port "$TEMPORAL_UI_PORT" \
      --db-filename "$DATA_DIR/temporal.sqlite" --log-level warn \
      --dynamic-config-value 'matching.longPollExpirationInterval="2s"' >"$DATA_DIR/logs/temporal.log" 2>&1 &
    pids+=($!)
    export READY_WORKER_POLL_WINDOW_SECONDS="${READY_WORKER_POLL_WINDOW_SECONDS:-5}"
    for _ in $(seq 1 60); do
      "$TEMPORAL_CLI" operator cluster health --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1 && break
      sleep 1
    done
    "$TEMPORAL_CLI" operator cluster health --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1 \
      || die "Temporal dev server did not become healthy: see $DATA_DIR/logs/temporal.log"
  fi
  temporal_ui="http://127.0.0.1:$TEMPORAL_UI_PORT"
else
  log "using TEMPORAL_ADDRESS=$TEMPORAL_ADDRESS from the environment"
  temporal_ui="(external: $TEMPORAL_ADDRESS)"
fi

# `npm run dev` (CCHC_DEV=1): the Nest CLI recompiles and restarts each process on change; the worker bundles
# workflows/ from source at each start.
[ "${CCHC_DEV:-}" = 1 ] && export WORKFLOW_BUNDLE_PATH=source

# Mail catcher: without SMTP_HOST, MailDev on loopback receives every e-mail the worker sends (dev only).
mail_ui="${SMTP_HOST:+(SMTP server $SMTP_HOST)}"
if [ -z "${SMTP_HOST:-}" ]; then
  MAIL_SMTP_PORT="${CCHC_MAIL_SMTP_PORT:-1025}" MAIL_WEB_PORT="${CCHC_MAIL_WEB_PORT:-1080}"
  mkdir -p "$DATA_DIR/maildev"
  node_modules/.bin/maildev --smtp "$MAIL_SMTP_PORT" --web "$MAIL_WEB_PORT" --ip 127.0.0.1 \
    --mail-directory "$DATA_DIR/maildev" >"$DATA_DIR/logs/maildev.log" 2>&1 &
  pids+=($!)
  export SMTP_HOST=127.0.0.1 SMTP_PORT="$MAIL_SMTP_PORT" SMTP_SECURE=false
  mail_ui="http://127.0.0.1:$MAIL_WEB_PORT   (MailDev: every e-mail sent; REST: /api/email)"
fi

# The worker and the API run supervised: one that exits is started again (below), nothing else is touched.
start_app() {
  if [ "${CCHC_DEV:-}" = 1 ]; then
    npx nest start "$1" --watch --preserveWatchOutput >>"$DATA_DIR/logs/$1.log" 2>&1 &
  else
    node "dist/apps/$1/src/main.js" >>"$DATA_DIR/logs/$1.log" 2>&1 &
  fi
  app_pid[$1]=$!
  app_since[$1]=$SECONDS
}
for app in worker api; do
  log "starting the $app (log: $DATA_DIR/logs/$app.log)"
  : >"$DATA_DIR/logs/$app.log"
  start_app "$app"
done
api_pid=${app_pid[api]}

for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$API_PORT/ready" >/dev/null 2>&1 && break
  kill -0 "$api_pid" 2>/dev/null || { tail -20 "$DATA_DIR/logs/api.log" >&2; die "the API exited"; }
  sleep 1
done
curl -fsS "http://127.0.0.1:$API_PORT/ready" >/dev/null || { tail -20 "$DATA_DIR/logs/api.log" >&2; die "the API is not ready"; }
log "playing the living demo of $(date +%Y) (log: $DATA_DIR/logs/demo.log)"
node dist/apps/api/src/cli/demo-cycle.js >"$DATA_DIR/logs/demo.log" 2>&1 || log "living demo failed: see $DATA_DIR/logs/demo.log"

cat <<INFO

  CCHC is up.
    API            http://127.0.0.1:$API_PORT          (GET /health, GET /ready)
    OpenAPI docs   http://127.0.0.1:$API_PORT/docs
    Temporal UI    $temporal_ui
    Mail inbox     $mail_ui
    PostgreSQL     ${DATABASE_URL//:cchc@/:***@}
    Logs           $DATA_DIR/logs/
  Demo accounts: see README.md. Press Ctrl-C to stop.

INFO
# Stay in the foreground until Ctrl-C. A worker or API that exits is restarted after a delay that doubles up to
# 60 s (back to 5 s once it has run for a minute); PostgreSQL and Temporal keep running. Temporal exiting ends all.
while true; do
  wait -n "${app_pid[@]}" "${pids[@]}" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || die "the Temporal dev server exited: see $DATA_DIR/logs/temporal.log"; done
  for app in worker api; do
    kill -0 "${app_pid[$app]}" 2>/dev/null && continue
    rc=0 && wait "${app_pid[$app]}" 2>/dev/null || rc=$?
    [ $((SECONDS - app_since[$app])) -ge 60 ] && app_delay[$app]=5
    log "the $app exited (status $rc); restarting it in ${app_delay[$app]} s (log: $DATA_DIR/logs/$app.log)"
    sleep "${app_delay[$app]}"
    app_delay[$app]=$((app_delay[$app] * 2 > 60 ? 60 : app_delay[$app] * 2))
    start_app "$app"
    log "the $app restarted (pid ${app_pid[$app]})"
  done
done
