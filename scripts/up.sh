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

pids=()
started_pg=""
cleanup() {
  trap - EXIT
  log "stopping…"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
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
    "$TEMPORAL_CLI" server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" --ui-port "$TEMPORAL_UI_PORT" \
      --db-filename "$DATA_DIR/temporal.sqlite" --log-level warn >"$DATA_DIR/logs/temporal.log" 2>&1 &
    pids+=($!)
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
if [ "${CCHC_DEV:-}" = 1 ]; then
  worker_cmd=(npx nest start worker --watch --preserveWatchOutput)
  api_cmd=(npx nest start api --watch --preserveWatchOutput)
  export WORKFLOW_BUNDLE_PATH=source
else
  worker_cmd=(node dist/apps/worker/src/main.js)
  api_cmd=(node dist/apps/api/src/main.js)
fi

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

log "starting the worker (log: $DATA_DIR/logs/worker.log)"
"${worker_cmd[@]}" >"$DATA_DIR/logs/worker.log" 2>&1 &
pids+=($!)
log "starting the API (log: $DATA_DIR/logs/api.log)"
"${api_cmd[@]}" >"$DATA_DIR/logs/api.log" 2>&1 &
api_pid=$!
pids+=($api_pid)

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
# Stay in the foreground until a child dies or Ctrl-C.
wait -n "${pids[@]}" || true
log "a process exited; see the logs in $DATA_DIR/logs/"
