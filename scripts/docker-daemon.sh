#!/usr/bin/env bash
# A Docker engine for the project's container test, on a machine where only loopback may carry
# load: `start` starts dockerd with no bridge and no iptables rules (containers then use host
# networking), its state under .tools/docker/, its socket at .tools/docker/docker.sock; `stop`
# stops it. Both print the settings to use it, one per line, for `eval` or the test:
#   DOCKER_HOST=unix://…  DOCKER_CONFIG=.tools/docker (its cli-plugins/ has docker compose)
# `start` reuses a daemon this script started that still answers; it never touches another one.
set -euo pipefail
cd "$(dirname "$0")/.."

ROOT="$PWD/.tools/docker"
SOCK="$ROOT/docker.sock"
PID="$ROOT/dockerd.pid"
export DOCKER_HOST="unix://$SOCK" DOCKER_CONFIG="$ROOT"
settings() { printf 'DOCKER_HOST=%s\nDOCKER_CONFIG=%s\n' "$DOCKER_HOST" "$DOCKER_CONFIG"; }
answers() { docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

case "${1:-}" in
  start)
    mkdir -p "$ROOT"
    if [ -f "$PID" ] && kill -0 "$(cat "$PID")" 2>/dev/null && answers; then settings; exit 0; fi
    dockerd=$(command -v dockerd || echo /usr/sbin/dockerd)
    [ -x "$dockerd" ] || { echo "dockerd is not installed (scripts/install-container-tools.sh)" >&2; exit 1; }
    [ "$(id -u)" = 0 ] || { echo "dockerd needs root here (rootless Docker is not set up by this script)" >&2; exit 1; }
    rm -f "$SOCK" "$PID"
    # --bridge=none --iptables=false: no docker0, no NAT; nothing leaves the host but loopback.
    nohup "$dockerd" --bridge=none --iptables=false --ip-masq=false \
      --data-root "$ROOT/data" --exec-root "$ROOT/exec" --pidfile "$PID" -H "$DOCKER_HOST" \
      >"$ROOT/dockerd.log" 2>&1 &
    for _ in $(seq 1 60); do
      if answers; then settings; exit 0; fi
      sleep 0.5
    done
    echo "dockerd did not answer within 30 s; its log ($ROOT/dockerd.log) ends:" >&2
    tail -n 15 "$ROOT/dockerd.log" >&2
    exit 1
    ;;
  stop)
    if [ -f "$PID" ] && kill -0 "$(cat "$PID")" 2>/dev/null; then
      pid=$(cat "$PID")
      kill "$pid"
      # dockerd stops its containers first (up to their stop grace), then exits.
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid"; echo "dockerd did not stop in 30 s: killed" >&2; fi
    fi
    # dockerd leaves its default network namespace mounted under its exec root (seen with 20.10):
    # unmount whatever is still mounted below .tools/docker, deepest first, so the folder can be removed.
    awk -v root="$ROOT/" 'index($2, root) == 1 { print $2 }' /proc/mounts | sort -r | while read -r mnt; do
      umount "$mnt" 2>/dev/null || umount -l "$mnt"
    done
    rm -f "$SOCK" "$PID"
    settings
    ;;
  *)
    echo "usage: scripts/docker-daemon.sh start|stop" >&2
    exit 2
    ;;
esac
