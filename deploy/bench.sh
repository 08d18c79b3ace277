#!/usr/bin/env bash
# Measures the portal side by side with this machine's own limits (issue 9) and prints one table:
# figure, app, limit, ratio, target, pass/fail. Everything runs on this machine and loopback only:
# a throwaway PostgreSQL cluster (Unix socket), nginx serving the same HTML bytes as static files,
# the Release build of the portal as a real process, wrk, and tests/ProgramPortal.Bench, which
# drives the rest. `--only 3,5` measures just those figures. `--smoke` uses tiny sizes to check that the bench still works (deploy/test.sh
# runs it); its figures mean nothing. Exits non-zero only when the bench breaks, never on a target.
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/lib.sh

for argument in "$@"; do
  case "$argument" in
    --smoke|--only|[1-6]|[1-6],*) ;;
    *) echo "usage: deploy/bench.sh [--smoke] [--only 3,5]" >&2; exit 2 ;;
  esac
done

ensure_packages wrk nginx
ensure_postgres_server
pg_bin=$(postgres_bin_dir)

work=$(mktemp -d "${TMPDIR:-/tmp}/portal-bench.XXXXXX")
chmod 755 "$work"
cluster="$work/postgres"
socket="$work/run"

cleanup() {
  [ -f "$work/nginx/nginx.pid" ] && kill -QUIT "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true
  [ -f "$cluster/postmaster.pid" ] && as_postgres_owner "$pg_bin/pg_ctl" -D "$cluster" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

echo "Building the portal and the bench (Release) ..." >&2
dotnet publish src/ProgramPortal.Web -c Release -o "$work/app" --nologo -v quiet >&2
dotnet publish tests/ProgramPortal.Bench -c Release -o "$work/bench" --nologo -v quiet >&2

echo "Starting PostgreSQL and nginx ..." >&2
mkdir -p "$socket"
if [ "$(id -u)" -eq 0 ]; then
  install -d -o postgres -g postgres -m 700 "$cluster"
  chown postgres:postgres "$socket"
fi
as_postgres_owner "$pg_bin/initdb" -D "$cluster" -A trust -E UTF8 --locale=C.UTF-8 -U postgres >/dev/null
# Durability stays at PostgreSQL's defaults (fsync, synchronous commit), as in production.
as_postgres_owner "$pg_bin/pg_ctl" -D "$cluster" -l "$socket/postgres.log" -w -o \
  "-c listen_addresses='' -k $socket -c max_connections=200 -c shared_preload_libraries=pg_stat_statements" \
  start >/dev/null

# nginx at its usual settings for a static site: a worker per core, sendfile, no access log
# (the portal writes no per-request log either).
nginx_port=$(free_port)
mkdir -p "$work/nginx" "$work/html"
cat > "$work/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 4096; }
http {
  default_type text/html;
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/html;
    index index.html;
  }
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf"

echo "Measuring ..." >&2
BENCH_APP="$work/app/ProgramPortal.Web.dll" \
BENCH_POSTGRES="Host=$socket;Username=postgres;Database=postgres" \
BENCH_NGINX_URL="http://127.0.0.1:$nginx_port" \
BENCH_NGINX_ROOT="$work/html" \
BENCH_WORK_DIR="$work" \
  dotnet "$work/bench/ProgramPortal.Bench.dll" "$@"
echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/^Mem:/ {print $2}') GB memory, load average $(cut -d' ' -f1-3 /proc/loadavg)"
