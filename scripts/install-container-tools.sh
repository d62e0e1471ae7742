#!/usr/bin/env bash
# Installs what the container test (packages/bench/src/demo/containers.docker.ts) and the Helm
# chart's check (deploy/helm) need, where it is missing:
#   Compose v2 (pinned) -> .tools/docker/cli-plugins/docker-compose (the `docker compose` plugin;
#                          Debian has only docker-compose 1.29), built from the Go module proxy
#   helm (pinned)       -> .tools/bin/helm, built with `go install`
#   dockerd, docker     -> Debian's package docker.io (only where neither is installed)
#   debootstrap         -> Debian's package, for the local stand-in base images (scripts/standin-images.sh)
# Each Go build takes about 4 minutes on 2 cores, once.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/debian-packages.sh

COMPOSE_VERSION=v2.40.3
HELM_VERSION=v4.3.2
TOOLS_BIN="$PWD/.tools/bin"
PLUGINS="$PWD/.tools/docker/cli-plugins"
say() { printf '\033[1mcontainer tools:\033[0m %s\n' "$*"; }

if ! command -v go >/dev/null; then
  say "Go is not installed: install Go (https://go.dev/dl/) and run this again, or put docker compose"
  say "$COMPOSE_VERSION at $PLUGINS/docker-compose and helm $HELM_VERSION at $TOOLS_BIN/helm."
  exit 1
fi

compose="$PLUGINS/docker-compose"
if ! { [ -x "$compose" ] && "$compose" version 2>/dev/null | grep -q "$COMPOSE_VERSION"; }; then
  say "building docker compose $COMPOSE_VERSION (about 4 minutes, once)"
  # `go install module/cmd@version` refuses this module (its go.mod has exclude directives), so it
  # is built inside its own module, as its Makefile does.
  dir=$(go mod download -json "github.com/docker/compose/v2@$COMPOSE_VERSION" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')
  mkdir -p "$PLUGINS"
  (cd "$dir" && GOFLAGS=-mod=mod go build -trimpath \
    -ldflags "-s -w -X github.com/docker/compose/v2/internal.Version=$COMPOSE_VERSION" -o "$compose" ./cmd)
fi

helm="$TOOLS_BIN/helm"
if ! { [ -x "$helm" ] && "$helm" version --short 2>/dev/null | grep -q "$HELM_VERSION"; }; then
  say "building helm $HELM_VERSION with go install (about 4 minutes, once)"
  mkdir -p "$TOOLS_BIN"
  GOBIN="$TOOLS_BIN" GOFLAGS=-mod=mod go install -trimpath \
    -ldflags "-s -w -X helm.sh/helm/v4/internal/version.version=$HELM_VERSION" "helm.sh/helm/v4/cmd/helm@$HELM_VERSION"
fi

apt_packages=()
{ command -v dockerd >/dev/null || [ -x /usr/sbin/dockerd ]; } && command -v docker >/dev/null || apt_packages+=(docker.io)
command -v debootstrap >/dev/null || [ -x /usr/sbin/debootstrap ] || apt_packages+=(debootstrap)
install_debian_packages "container tools" "${apt_packages[@]}" || exit 1

say "docker compose: $compose ($("$compose" version --short))"
say "helm: $helm ($("$helm" version --short))"
