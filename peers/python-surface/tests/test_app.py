"""The app over ASGI, and each launcher as our benchmark starts it (PORT=0, ready line, SIGTERM)."""

import json
import os
import signal
import socket
import ssl
import subprocess
import sys
import urllib.parse
import urllib.request
from typing import Any

import h2.connection
import h2.events
import httpx2
import pytest

from mcp_runtimes_surface.app import build_app
from mcp_runtimes_surface.listen import REPO_ROOT

HEADERS = {
    "content-type": "application/json",
    "accept": "application/json, text/event-stream",
    "mcp-protocol-version": "2025-11-25",
}
CALL = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "tools/call",
    "params": {"name": "agent_task", "arguments": {"task": "plan a trip", "payload_bytes": 5}},
}
CERT = REPO_ROOT / ".certs/localhost-cert.pem"


def check_call(body: dict[str, Any]) -> None:
    assert body["id"] == 1
    assert body["result"]["structuredContent"]["task"] == "plan a trip"
    assert body["result"]["content"][1] == {"type": "text", "text": body["result"]["content"][1]["text"]}
    assert len(body["result"]["content"][1]["text"]) == 5


@pytest.mark.anyio
async def test_stateless_call_and_health_over_asgi() -> None:
    app = build_app("test-peer")
    async with app.router.lifespan_context(app):
        transport = httpx2.ASGITransport(app=app)
        async with httpx2.AsyncClient(transport=transport, base_url="http://127.0.0.1:8000") as http:
            # No initialize first: stateless, and the answer is JSON, not an event stream.
            response = await http.post("/mcp", json=CALL, headers=HEADERS)
            assert response.status_code == 200
            assert response.headers["content-type"].startswith("application/json")
            check_call(response.json())
            bad = {**CALL, "params": {"name": "agent_task", "arguments": {"task": "x", "delay_ms": 10_001}}}
            result = (await http.post("/mcp", json=bad, headers=HEADERS)).json()["result"]
            assert result["isError"] is True and "validation error" in result["content"][0]["text"]
            health = await http.get("/health")
            assert health.status_code == 200
            body = health.json()
            assert (body["status"], body["runtime"]) == ("ok", "test-peer")
            assert body["process"]["cpu_seconds"] > 0 and body["process"]["peak_rss_bytes"] > 0


def start(peer: str) -> tuple[subprocess.Popen[str], list[str]]:
    """The peer by its registry command, from the repository's root, on ephemeral ports."""
    command = [sys.executable, f"peers/{peer}/main.py"]
    env = {**os.environ, "HOST": "127.0.0.1", "PORT": "0"}
    process = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.startswith(f"{peer} listening on "), line
    return process, [word for word in line.split() if "://" in word]


def stop(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=10) == 0


def post(url: str, context: ssl.SSLContext | None = None) -> dict[str, Any]:
    request = urllib.request.Request(url, data=json.dumps(CALL).encode(), headers=HEADERS, method="POST")
    with urllib.request.urlopen(request, timeout=10, context=context) as response:
        return json.loads(response.read())


def post_h2c(url: str) -> dict[str, Any]:
    """One POST over cleartext HTTP/2 with prior knowledge (what h2load and node's http2 speak)."""
    parsed = urllib.parse.urlsplit(url)
    with socket.create_connection((parsed.hostname, parsed.port), timeout=10) as sock:
        conn = h2.connection.H2Connection()
        conn.initiate_connection()
        body = json.dumps(CALL).encode()
        headers = [(":method", "POST"), (":scheme", "http"), (":authority", parsed.netloc), (":path", parsed.path)]
        conn.send_headers(1, headers + list(HEADERS.items()))
        conn.send_data(1, body, end_stream=True)
        sock.sendall(conn.data_to_send())
        data, status = b"", None
        while True:
            chunk = sock.recv(65536)
            assert chunk, "connection closed before the answer ended"
            for event in conn.receive_data(chunk):
                if isinstance(event, h2.events.ResponseReceived):
                    status = dict(event.headers)[b":status"]
                elif isinstance(event, h2.events.DataReceived):
                    data += event.data
                    conn.acknowledge_received_data(event.flow_controlled_length, 1)
                elif isinstance(event, h2.events.StreamEnded):
                    assert status == b"200"
                    return json.loads(data)
            sock.sendall(conn.data_to_send())


def test_py_uvicorn() -> None:
    process, urls = start("py-uvicorn")
    try:
        assert len(urls) == 1 and urls[0].startswith("http://127.0.0.1:") and urls[0].endswith("/mcp")
        check_call(post(urls[0]))
    finally:
        stop(process)


@pytest.mark.skipif(not CERT.exists(), reason="no .certs/localhost-cert.pem: run scripts/setup.sh")
def test_py_hypercorn() -> None:
    process, urls = start("py-hypercorn")
    try:
        assert len(urls) == 2 and urls[0].startswith("https://") and urls[1].startswith("http://")
        context = ssl.create_default_context(cafile=str(CERT))
        check_call(post(urls[0], context))
        check_call(post_h2c(urls[1]))
    finally:
        stop(process)
