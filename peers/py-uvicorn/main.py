"""py-uvicorn: the Python surface on Uvicorn (uvloop + h11), one worker: seed 000's configuration.

Environment: HOST (127.0.0.1), PORT (0 = ephemeral), MCP_PATH (/mcp).
"""

import os
import signal

import uvicorn
from mcp_runtimes_surface.app import build_app
from mcp_runtimes_surface.listen import env_port, listen, ready, url

NAME = "py-uvicorn"


class Server(uvicorn.Server):
    async def startup(self, sockets: list | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.started and sockets:
            ready(f"{NAME} listening on {url('http', sockets[0], mcp_path)}")


host = os.environ.get("HOST") or "127.0.0.1"
mcp_path = os.environ.get("MCP_PATH") or "/mcp"
sock = listen(host, env_port("PORT"))
config = uvicorn.Config(
    build_app(NAME, mcp_path),
    loop="uvloop",
    http="h11",
    workers=1,
    limit_concurrency=2000,
    # Off so the figures measure the server, not its logging of every request.
    access_log=False,
    # Uvicorn would otherwise wait for every open connection without a bound.
    timeout_graceful_shutdown=5,
)
# Uvicorn shuts down gracefully on SIGTERM/SIGINT and then raises the signal again under the
# handler it found; a no-op one makes that a normal exit (code 0), not death by the signal.
for sig in (signal.SIGTERM, signal.SIGINT):
    signal.signal(sig, lambda *_: None)
# run() sets up the event loop the config names (uvloop), then serves our socket.
Server(config).run(sockets=[sock])
