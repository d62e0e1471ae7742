#!/usr/bin/env bash
# The Python peers' environment: uv (from PATH, else the pinned uv from PyPI into .tools/uv),
# then peers/python-surface/.venv synced from its lock with this machine's python3.
# uv never downloads a Python here (UV_PYTHON_DOWNLOADS=never): it uses python3 or fails.
# Safe to run again: uv sync is a no-op when the venv already matches the lock.
set -euo pipefail
cd "$(dirname "$0")/.."

UV_VERSION=0.13.8
say() { printf '\033[1minstall-python-peers:\033[0m %s\n' "$*"; }

if ! command -v python3 >/dev/null; then
  say "python3 is not installed: the Python peers need Python 3.11 or newer"
  exit 1
fi

if command -v uv >/dev/null; then
  uv=$(command -v uv)
else
  uv=.tools/uv/bin/uv
  # `uv --version` says "uv 0.13.8 (target)".
  if [[ "$("$uv" --version 2>/dev/null || true)" != "uv $UV_VERSION "* ]]; then
    say "installing uv $UV_VERSION into .tools/uv"
    rm -rf .tools/uv
    PIP_ROOT_USER_ACTION=ignore python3 -m pip install --quiet --disable-pip-version-check --target .tools/uv "uv==$UV_VERSION"
  fi
fi

export UV_PYTHON_DOWNLOADS=never
"$uv" sync --quiet --frozen --project peers/python-surface --python "$(command -v python3)"
say "peers/python-surface/.venv ready ($("$uv" --version), $(peers/python-surface/.venv/bin/python --version))"
