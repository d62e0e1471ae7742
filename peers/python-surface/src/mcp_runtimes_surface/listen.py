"""What both launchers share: the launcher's environment contract and listening sockets."""

import os
import socket
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[4]
BACKLOG = 2048


def env_port(name: str) -> int:
    raw = os.environ.get(name, "0") or "0"
    port = int(raw)
    if not 0 <= port <= 65535:
        raise SystemExit(f"{name} must be a port number (0 = ephemeral), got {raw!r}")
    return port


def listen(host: str, port: int) -> socket.socket:
    """A listening socket bound here, so PORT=0 gives a port we can print before serving."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    # Listening now: a connection made as soon as the ready line is out waits in the backlog.
    sock.listen(BACKLOG)
    sock.setblocking(False)
    return sock


def url(scheme: str, sock: socket.socket, path: str) -> str:
    host, port = sock.getsockname()[:2]
    return f"{scheme}://{f'[{host}]' if ':' in host else host}:{port}{path}"


def ready(line: str) -> None:
    """The one line our launcher waits for (packages/registry/src/launch.ts)."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()
