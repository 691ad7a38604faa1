#!/usr/bin/env bash
# Runs every test of the project on a fresh machine: starts the local services the store tests
# use when they are down, installs Debian's Chromium for the browser tests when missing (as root),
# then runs the Maven build. Nothing else is needed beyond a JDK 17, Maven, Node.js and npm.
set -euo pipefail
cd "$(dirname "$0")/.."

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [ "$(id -u)" = 0 ]; then
  if ! port_open 5432 && command -v pg_ctlcluster >/dev/null; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  fi
  if ! port_open 3306 && [ -x /usr/sbin/mariadbd ]; then
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
  fi
  if ! port_open 6379 && command -v redis-server >/dev/null; then
    mkdir -p /var/lib/redis /var/log/redis
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
  fi
  if [ ! -x /usr/bin/chromium ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  for i in $(seq 30); do port_open 5432 && port_open 3306 && port_open 6379 && break; sleep 1; done
fi

mvn -B -ntp verify "$@"
