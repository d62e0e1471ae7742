#!/usr/bin/env bash
# Installs what only the tests need, where it is missing (the benchmark needs none of it):
#   chromium       -> Debian's package `chromium` (the test that renders report.html headless)
#   docker-compose -> Debian's package `docker-compose` (the test that checks docker-compose.yml
#                     offline with `docker-compose config`)
#   Compose v2, helm, debootstrap -> scripts/install-container-tools.sh (the test that runs the
#                     demo in containers, and the Helm chart's check)
# Exits 1 with instructions when one cannot be installed.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/debian-packages.sh

say() { printf '\033[1mtest tools:\033[0m %s\n' "$*"; }

apt_packages=()
command -v chromium >/dev/null || apt_packages+=(chromium)
command -v docker-compose >/dev/null || apt_packages+=(docker-compose)
install_debian_packages "test tools" "${apt_packages[@]}"
say "chromium: $(command -v chromium)"
say "docker-compose: $(command -v docker-compose) ($(docker-compose version --short 2>/dev/null || echo '?'))"

scripts/install-container-tools.sh
