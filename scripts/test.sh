#!/usr/bin/env bash
# Runs every test of the project on a fresh machine: starts the local services the store tests
# use when they are down, installs Debian's Chromium for the browser tests when missing (as root),
# then runs the Maven build. Nothing else is needed beyond a JDK 17, Maven, Node.js and npm.
# A service or tool that is still missing then stops the run here, with what to do about it, rather
# than letting its tests skip (or, under CI=true, fail one by one).
set -euo pipefail
cd "$(dirname "$0")/.."

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

if [ "$(id -u)" = 0 ]; then
  if ! port_open 127.0.0.1 5432 && command -v pg_ctlcluster >/dev/null; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  fi
  if ! port_open 127.0.0.1 3306 && [ -x /usr/sbin/mariadbd ]; then
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
  fi
  if ! port_open 127.0.0.1 6379 && command -v redis-server >/dev/null; then
    mkdir -p /var/lib/redis /var/log/redis
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
  fi
  if [ ! -x /usr/bin/chromium ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  for i in $(seq 30); do
    port_open 127.0.0.1 5432 && port_open 127.0.0.1 3306 && port_open 127.0.0.1 6379 && break
    sleep 1
  done
fi

# What the tests will look for: the URL in the variable the tests read, else the default local port.
missing=()
need_service() { # name, variable, default port, how to install it
  local url="${!2:-}" host=127.0.0.1 port=$3 remedy
  if [ -n "$url" ]; then
    local authority
    authority=$(printf '%s' "$url" | sed -E 's#^(jdbc:)?[a-z]+://([^@/]*@)?([^/?]+).*#\3#')
    host=${authority%:*}
    [ "$authority" != "$host" ] && port=${authority##*:}
    remedy="start the server $2 names, or unset $2 to use a local one"
  elif [ "$(id -u)" = 0 ]; then
    remedy="it could not be started ($4, then see its log)"
  else
    remedy="start it, or run this script as root to let it start it ($4)"
  fi
  port_open "$host" "$port" || missing+=("$1 is not answering at $host:$port: $remedy")
}
need_tool() { # command, what it is for and how to install it
  command -v "$1" >/dev/null || missing+=("$1 is not on the PATH: $2")
}
if docker info >/dev/null 2>&1; then
  : # the tests start containers for whatever is not running locally
else
  need_service PostgreSQL AUTH_TEST_POSTGRES_URL 5432 "apt-get install postgresql; trust authentication, a database named test"
  need_service MariaDB AUTH_TEST_MARIADB_URL 3306 "apt-get install mariadb-server; root without a password"
  need_service Redis AUTH_TEST_REDIS_URL 6379 "apt-get install redis-server"
fi
[ -n "${AUTH_TEST_REDIS_CLUSTER_URL:-}" ] || need_tool redis-server "the Redis Cluster test starts its own nodes (apt-get install redis-server)"
need_tool node "the Auth.js reference run, the OpenID Connect tests (oidc-provider) and the browser tests need Node.js 20 (apt-get install nodejs)"
need_tool npm "the Auth.js reference run, the OpenID Connect tests and the browser tests install their packages with npm (apt-get install npm)"
[ -x "${AUTH_TEST_CHROMIUM:-/usr/bin/chromium}" ] || missing+=("Chromium is not at ${AUTH_TEST_CHROMIUM:-/usr/bin/chromium}: the browser tests drive it (apt-get install chromium, which this script does as root)")
if [ ${#missing[@]} -gt 0 ]; then
  echo "scripts/test.sh: cannot run every test; missing:" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 1
fi

mvn -B -ntp verify "$@"
