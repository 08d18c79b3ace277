#!/usr/bin/env bash
# Runs the portal on this machine: a local PostgreSQL cluster under $PORTAL_DATA_DIR (kept
# between runs), the `migrate` step, then the site on $PORTAL_URL. Ctrl-C stops both cleanly.
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/lib.sh

export PORTAL_URL=${PORTAL_URL:-http://127.0.0.1:5080}
mkdir -p "${PORTAL_DATA_DIR:-.data}"
PORTAL_DATA_DIR=$(cd "${PORTAL_DATA_DIR:-.data}" && pwd)
export PORTAL_DATA_DIR
export Mail__PickupDirectory=${Mail__PickupDirectory:-$PORTAL_DATA_DIR/mail}
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}

cluster_dir="$PORTAL_DATA_DIR/postgres"
socket_dir="$PORTAL_DATA_DIR/run"
pg_bin=""

stop_database() {
  if [ -n "$pg_bin" ] && [ -f "$cluster_dir/postmaster.pid" ]; then
    echo "Stopping PostgreSQL ..."
    as_postgres_owner "$pg_bin/pg_ctl" -D "$cluster_dir" -m fast -w stop >/dev/null || true
  fi
}

start_local_database() {
  ensure_postgres_server
  pg_bin=$(postgres_bin_dir)
  mkdir -p "$socket_dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$socket_dir"
    chmod 700 "$socket_dir"
    [ -d "$cluster_dir" ] || install -d -o postgres -g postgres -m 700 "$cluster_dir"
    if ! runuser -u postgres -- test -w "$cluster_dir"; then
      echo "The postgres user cannot write $cluster_dir; set PORTAL_DATA_DIR to a folder it can reach." >&2
      exit 1
    fi
  fi
  if [ ! -f "$cluster_dir/PG_VERSION" ]; then
    echo "Creating a PostgreSQL cluster in $cluster_dir ..."
    as_postgres_owner "$pg_bin/initdb" -D "$cluster_dir" -A trust -E UTF8 --locale=C.UTF-8 -U postgres >/dev/null
  fi
  # Unix socket only, in a private folder: nothing else on the machine can reach this database.
  as_postgres_owner "$pg_bin/pg_ctl" -D "$cluster_dir" -l "$socket_dir/postgres.log" -w \
    -o "-c listen_addresses='' -k $socket_dir" start >/dev/null
  trap stop_database EXIT
  if ! as_postgres_owner "$pg_bin/psql" -h "$socket_dir" -U postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = 'portal'" | grep -q 1; then
    as_postgres_owner "$pg_bin/createdb" -h "$socket_dir" -U postgres portal
  fi
  export ConnectionStrings__Portal="Host=$socket_dir;Database=portal;Username=postgres"
}

# Nobody could sign in to a database made without them, and the first admin is made only once.
if [ -z "${ConnectionStrings__Portal:-}" ] && [ ! -f "$cluster_dir/PG_VERSION" ] \
    && { [ -z "${PORTAL_ADMIN_EMAIL:-}" ] || [ -z "${PORTAL_ADMIN_PASSWORD:-}" ]; }; then
  cat >&2 <<MESSAGE
First run on $PORTAL_DATA_DIR: set the first Admin, whom you sign in as at /admin/login, and run again:
  PORTAL_ADMIN_EMAIL=you@example.edu PORTAL_ADMIN_PASSWORD='<12+ characters, upper and lower case, a digit>' deploy/run.sh
PORTAL_ADMIN_EMAIL and PORTAL_ADMIN_PASSWORD are needed on the first run only. Nothing was created.
MESSAGE
  exit 1
fi

if [ -z "${ConnectionStrings__Portal:-}" ]; then
  start_local_database
fi

dotnet publish src/ProgramPortal.Web -c Release -o "$PORTAL_DATA_DIR/app" --nologo -v quiet
# The app finds wwwroot and appsettings.json in its working directory (its content root): run it
# from its own folder, as the container image does, or every stylesheet comes back empty.
cd "$PORTAL_DATA_DIR/app"
app="$PORTAL_DATA_DIR/app/ProgramPortal.Web.dll"
dotnet "$app" migrate
echo "ProgramPortal is on $PORTAL_URL (Ctrl-C stops it); mail goes to ${Mail__SmtpHost:-$Mail__PickupDirectory}"
# Not exec'd: the EXIT trap must still stop the database after the app has shut down.
dotnet "$app" --urls "$PORTAL_URL" &
app_pid=$!
trap 'kill -TERM $app_pid 2>/dev/null || true' INT TERM
# A signal interrupts `wait`; keep waiting until the app has really exited (a second Ctrl-C
# would otherwise stop PostgreSQL under an app that is still draining).
while kill -0 "$app_pid" 2>/dev/null; do
  wait "$app_pid" 2>/dev/null || true
done
