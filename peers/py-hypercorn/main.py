"""py-hypercorn: the Python surface on Hypercorn: HTTP/2 over TLS (ALPN h2, http/1.1) and h2c
with prior knowledge on a second port, one worker: seed 000's configuration.

Environment: HOST (127.0.0.1), PORT (TLS, 0 = ephemeral), H2C_PORT (cleartext, 0 = ephemeral),
MCP_PATH (/mcp), TLS_CERT / TLS_KEY (the repository's .certs/localhost-*.pem, made by scripts/setup.sh).
"""

import asyncio
import os
import signal

from hypercorn.asyncio import serve
from hypercorn.config import Config
from mcp_runtimes_surface.app import build_app
from mcp_runtimes_surface.listen import REPO_ROOT, env_port, listen, ready, url

NAME = "py-hypercorn"

host = os.environ.get("HOST") or "127.0.0.1"
mcp_path = os.environ.get("MCP_PATH") or "/mcp"
tls = listen(host, env_port("PORT"))
h2c = listen(host, env_port("H2C_PORT"))
line = f"{NAME} listening on {url('https', tls, mcp_path)} and {url('http', h2c, mcp_path)}"

config = Config()
config.certfile = os.environ.get("TLS_CERT") or str(REPO_ROOT / ".certs/localhost-cert.pem")
config.keyfile = os.environ.get("TLS_KEY") or str(REPO_ROOT / ".certs/localhost-key.pem")
config.alpn_protocols = ["h2", "http/1.1"]
# With TLS on, `bind` is served with TLS and `insecure_bind` in cleartext, where Hypercorn takes
# a connection that opens with the HTTP/2 preface as h2c (prior knowledge).
# Detached: Hypercorn's own socket objects own the descriptors from here on.
config.bind = [f"fd://{tls.detach()}"]
config.insecure_bind = [f"fd://{h2c.detach()}"]
config.workers = 1
# Off so the figures measure the server, not its logging of every request.
config.accesslog = None


async def main() -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)

    async def shutdown_trigger() -> None:
        # Hypercorn awaits this once its lifespan has started and every listener is serving.
        ready(line)
        await stop.wait()

    # Graceful: Hypercorn stops accepting, gives open requests config.graceful_timeout (3 s), exits.
    await serve(build_app(NAME, mcp_path), config, shutdown_trigger=shutdown_trigger)


asyncio.run(main())
