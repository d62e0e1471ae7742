# Sourced by the install scripts: install_debian_packages WHO PACKAGE... installs the packages with
# apt-get (as root, where apt-get exists), or says how to install them and returns 1.
install_debian_packages() {
  local who=$1
  shift
  [ $# -gt 0 ] || return 0
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    printf '\033[1m%s:\033[0m installing %s from Debian'\''s packages\n' "$who" "$*"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    printf '\033[1m%s:\033[0m missing %s: install them with your package manager (Debian/Ubuntu: apt-get install %s)\n' "$who" "$*" "$*"
    return 1
  fi
}
