#!/usr/bin/env bash
# Local stand-ins for the Dockerfile's and docker-compose.yml's public base images, built from
# this machine where no container registry is reachable (the container test uses them):
#   mcp-runtimes-standin/node:<this machine's Node>-bookworm  for NODE_IMAGE (node:*-bookworm-slim):
#       a minimal Debian bookworm root (debootstrap --variant=minbase, Debian's mirror), this
#       machine's node and npm in /usr/local, user node (1000:1000) as in the public image, and
#       this machine's CA bundle (NODE_EXTRA_CA_CERTS), so npm inside a build trusts what the host does
#   mcp-runtimes-standin/k6:<k6 version>                       for K6_IMAGE (grafana/k6):
#       the node stand-in plus the project's k6 (.tools/bin/k6), user 12345, entrypoint k6
# They are named mcp-runtimes-standin/... so nobody takes them for the public images, and are
# never pushed. Needs root (debootstrap) and a Docker engine at DOCKER_HOST
# (scripts/docker-daemon.sh). Prints NODE_IMAGE=... and K6_IMAGE=...
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1mstand-in images:\033[0m %s\n' "$*" >&2; }
NODE_VERSION=$(node -p process.versions.node)
K6=.tools/bin/k6
[ -x "$K6" ] || { say "no $K6 (scripts/install-load-tools.sh builds it)"; exit 1; }
K6_VERSION=$("$K6" version | sed -n 's/^k6 v\([0-9.]*\).*/\1/p' | head -1)
NODE_IMAGE="mcp-runtimes-standin/node:$NODE_VERSION-bookworm"
K6_IMAGE="mcp-runtimes-standin/k6:$K6_VERSION"
WORK="$PWD/.tools/standin"
ROOTFS="$WORK/bookworm-minbase.tar"

if ! docker image inspect "$NODE_IMAGE" >/dev/null 2>&1; then
  if [ ! -f "$ROOTFS" ]; then
    [ "$(id -u)" = 0 ] || { say "debootstrap needs root"; exit 1; }
    say "a minimal Debian bookworm root with debootstrap (about a minute, once)"
    rm -rf "$WORK/root" && mkdir -p "$WORK"
    debootstrap --variant=minbase bookworm "$WORK/root" http://deb.debian.org/debian >"$WORK/debootstrap.log" 2>&1 \
      || { tail -n 20 "$WORK/debootstrap.log" >&2; exit 1; }
    rm -rf "$WORK/root/var/cache/apt/archives/"*.deb "$WORK/root/var/lib/apt/lists/"*
    tar -C "$WORK/root" -cf "$ROOTFS" . && rm -rf "$WORK/root"
  fi
  say "$NODE_IMAGE: that root, this machine's node $(node --version) and npm $(npm --version)"
  stage="$WORK/node-root"
  rm -rf "$stage" && mkdir -p "$stage" && tar -C "$stage" -xf "$ROOTFS"
  node_bin=$(readlink -f "$(command -v node)")
  npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
  install -D -m 0755 "$node_bin" "$stage/usr/local/bin/node"
  mkdir -p "$stage/usr/local/lib/node_modules" && cp -a "$npm_dir" "$stage/usr/local/lib/node_modules/npm"
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$stage/usr/local/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$stage/usr/local/bin/npx"
  mkdir -p "$stage/etc/ssl/certs" && cp /etc/ssl/certs/ca-certificates.crt "$stage/etc/ssl/certs/"
  chroot "$stage" sh -c 'groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node'
  tar -C "$stage" -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' \
    --change 'CMD ["node"]' - "$NODE_IMAGE" >/dev/null
  rm -rf "$stage"
fi

if ! docker image inspect "$K6_IMAGE" >/dev/null 2>&1; then
  say "$K6_IMAGE: $NODE_IMAGE and $K6"
  ctx="$WORK/k6-context" && rm -rf "$ctx" && mkdir -p "$ctx" && cp "$K6" "$ctx/k6"
  printf 'ARG BASE\nFROM ${BASE}\nCOPY k6 /usr/bin/k6\nUSER 12345\nWORKDIR /home/k6\nENTRYPOINT ["k6"]\n' >"$ctx/Dockerfile"
  # The classic builder (no buildx here): one stage, nothing to pull.
  DOCKER_BUILDKIT=0 docker build -q --build-arg "BASE=$NODE_IMAGE" -t "$K6_IMAGE" "$ctx" >/dev/null 2>"$ctx/build.log" \
    || { cat "$ctx/build.log" >&2; exit 1; }
  rm -rf "$ctx"
fi

printf 'NODE_IMAGE=%s\nK6_IMAGE=%s\n' "$NODE_IMAGE" "$K6_IMAGE"
