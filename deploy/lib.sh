# Shared helpers for deploy/*.sh; source it, don't run it.

# Installs Debian packages that are missing; runs `apt-get update` once, only when needed.
ensure_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing ${missing[*]} ..." >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# Prints the bin directory of the newest PostgreSQL server installed from Debian's packages.
postgres_bin_dir() {
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -x "$newest/initdb" ] || return 1
  echo "$newest"
}

ensure_postgres_server() {
  postgres_bin_dir >/dev/null || ensure_packages postgresql
  postgres_bin_dir >/dev/null || { echo "PostgreSQL server binaries not found after install" >&2; return 1; }
}

# Runs a PostgreSQL tool as the cluster's owner: initdb refuses to run as root, so root uses
# the `postgres` system user that Debian's package creates.
as_postgres_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
