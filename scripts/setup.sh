#!/usr/bin/env bash
# Sets up a fresh machine for mcp-runtimes: pnpm (pinned, without corepack), the dependencies
# from the lockfile, a build, the self-signed localhost certificate of the TLS listener, the
# Python peers and the load tools (scripts/install-load-tools.sh): what `pnpm bench:all` needs.
# With --tests, also what only the tests need (scripts/install-test-tools.sh: Chromium, Docker
# Compose, helm). Safe to run again: each step is skipped or fast when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

tests=0
for arg in "$@"; do
  case "$arg" in
    --tests) tests=1 ;;
    -h|--help) echo "usage: scripts/setup.sh [--tests]   (--tests: also Chromium, Docker Compose and helm for pnpm test)"; exit 0 ;;
    *) echo "setup: unknown argument \"$arg\" (usage: scripts/setup.sh [--tests])" >&2; exit 2 ;;
  esac
done

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

# Each step's wall time, printed at the end: what the README's set-up times are measured with.
timings=()
step() {
  local name=$1 started=$SECONDS
  shift
  "$@"
  timings+=("$(printf '%-36s %4ds' "$name" $((SECONDS - started)))")
}

# Node 20.18.1+ (undici 7, used by the client, needs it).
if ! command -v node >/dev/null; then
  say "Node.js is not installed: install Node 20.18.1 or newer (https://nodejs.org), then run this again."
  exit 1
fi
if ! node -e 'const [a,b,c]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&(b>18||(b===18&&c>=1)))?0:1)'; then
  say "Node $(node --version) is too old: mcp-runtimes needs Node 20.18.1 or newer."
  exit 1
fi

# pnpm, exactly the version package.json pins. Not through corepack: it fails against some
# registries ("No compatible signature found in package metadata"), so npm installs it.
want=$(node -p 'require("./package.json").packageManager.split("@")[1]')
if [ "$(pnpm --version 2>/dev/null || true)" != "$want" ]; then
  say "installing pnpm $want with npm"
  if ! npm install --global --no-fund --no-audit "pnpm@$want" >/dev/null; then
    say "could not install pnpm globally; run: npm install --global pnpm@$want (or use a user-writable npm prefix)"
    exit 1
  fi
  hash -r
fi

say "installing dependencies (frozen lockfile)"
step "dependencies and runtimes" pnpm install --frozen-lockfile

say "building"
step "build" pnpm build

say "TLS certificate for the node:http2 listener: $(node packages/server-kit/dist/host/cert-cli.js)"

say "Python peers (uv, peers/python-surface/.venv)"
step "Python peers" scripts/install-python-peers.sh

# k6, oha, wrk, h2load for the benchmark (each only where missing).
step "load tools (k6, oha, wrk, h2load)" scripts/install-load-tools.sh

if [ "$tests" = 1 ]; then
  step "test tools" scripts/install-test-tools.sh
fi
say "done in ${SECONDS}s:"
printf '  %s\n' "${timings[@]}"
