#!/usr/bin/env bash
# Installs what the benchmark drives, where it is missing:
#   k6 (pinned)  -> .tools/bin/k6, built with `go install` (Go's module proxy) when k6 is not on PATH
#   oha (pinned) -> .tools/bin/oha, built with `cargo install --locked` (crates.io): the open-loop,
#                   coordinated-omission-corrected generator of the latency curve
#   wrk, h2load  -> Debian's packages `wrk` and `nghttp2-client`
# Prints where each tool is; exits 1 with instructions when one cannot be installed.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/debian-packages.sh

K6_VERSION=v1.8.1
OHA_VERSION=1.16.0
TOOLS_BIN="$PWD/.tools/bin"
say() { printf '\033[1mload tools:\033[0m %s\n' "$*"; }
missing=0

k6_path() {
  if [ -x "$TOOLS_BIN/k6" ] && "$TOOLS_BIN/k6" version 2>/dev/null | grep -q "k6 $K6_VERSION"; then echo "$TOOLS_BIN/k6"
  elif command -v k6 >/dev/null; then command -v k6
  fi
}

if [ -z "$(k6_path)" ]; then
  if command -v go >/dev/null; then
    say "building k6 $K6_VERSION with go install (a few minutes, once)"
    mkdir -p "$TOOLS_BIN"
    GOBIN="$TOOLS_BIN" GOFLAGS=-mod=mod go install "go.k6.io/k6@$K6_VERSION"
  else
    say "k6 is missing and Go is not installed. Install k6 $K6_VERSION (https://grafana.com/docs/k6/latest/set-up/install-k6/)"
    say "or Go (then run this again), or put a k6 binary at $TOOLS_BIN/k6."
    missing=1
  fi
fi

oha_path() {
  if [ -x "$TOOLS_BIN/oha" ] && "$TOOLS_BIN/oha" --version 2>/dev/null | grep -q "oha $OHA_VERSION"; then echo "$TOOLS_BIN/oha"; fi
}

if [ -z "$(oha_path)" ]; then
  if command -v cargo >/dev/null; then
    say "building oha $OHA_VERSION with cargo install --locked (about 6 minutes on 2 cores, once)"
    mkdir -p "$TOOLS_BIN"
    cargo install --quiet --locked --root "$PWD/.tools/oha" "oha@$OHA_VERSION"
    ln -sf "$PWD/.tools/oha/bin/oha" "$TOOLS_BIN/oha"
  else
    say "oha is missing and Rust is not installed. Install Rust (https://rustup.rs) and run this again,"
    say "or put an oha $OHA_VERSION binary at $TOOLS_BIN/oha."
    missing=1
  fi
fi

apt_packages=()
command -v wrk >/dev/null || apt_packages+=(wrk)
command -v h2load >/dev/null || apt_packages+=(nghttp2-client)
install_debian_packages "load tools" "${apt_packages[@]}" || missing=1

[ "$missing" = 0 ] || exit 1
say "k6:     $(k6_path) ($("$(k6_path)" version | head -1))"
say "oha:    $(oha_path) ($("$(oha_path)" --version | head -1))"
say "wrk:    $(command -v wrk) ($(wrk -v 2>&1 | head -1 | cut -c1-40))"
say "h2load: $(command -v h2load) ($(h2load --version | head -1))"
