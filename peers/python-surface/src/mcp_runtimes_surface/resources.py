"""The two resource templates: packages/tools/src/resources.ts."""

import json
import re
from collections.abc import Callable
from functools import cache
from typing import Any

from mcp.server.mcpserver import MCPServer
from mcp.shared.exceptions import MCPError
from mcp_types import INVALID_PARAMS

from .limits import AGENT_ID_CHARS, AGENT_ID_PATTERN, BENCHMARK_DATA_BYTES
from .work import deterministic_text, fnv1a

AGENT_STATES = ("idle", "working", "waiting")
AGENT_ID = re.compile(AGENT_ID_PATTERN)


def agent_status(agent_id: str) -> dict[str, Any]:
    """A deterministic status document for any valid agent id (no clock, no randomness)."""
    h = fnv1a(agent_id)
    return {
        "agent_id": agent_id,
        "status": AGENT_STATES[h % len(AGENT_STATES)],
        "tasks_completed": h % 10_000,
        "queue_depth": (h >> 8) % 16,
        "capabilities": ["agent_task", "batch_process", "parallel_agent_tasks"],
    }


def agent_status_text(agent_id: str) -> str:
    """As JSON.stringify writes it: no spaces."""
    return json.dumps(agent_status(agent_id), separators=(",", ":"), ensure_ascii=False)


@cache
def benchmark_data(test_type: str) -> str:
    """Deterministic test data of a fixed size per type, built once per process."""
    return deterministic_text(BENCHMARK_DATA_BYTES[test_type], f"benchmark:{test_type}")


def valid_agent_id(agent_id: str) -> bool:
    # fullmatch: with re.match, Python's `$` would also accept a trailing newline; JS's does not.
    return len(agent_id) <= AGENT_ID_CHARS and AGENT_ID.fullmatch(agent_id) is not None


def benchmark_reader(test_type: str) -> Callable[[], str]:
    return lambda: benchmark_data(test_type)


def register_resources(server: MCPServer) -> None:
    @server.resource(
        "agent://{agent_id}/status",
        name="agent_status",
        title="Agent status",
        description="An agent's status document (JSON), deterministic per agent id",
        mime_type="application/json",
    )
    def read_agent_status(agent_id: str) -> str:
        if not valid_agent_id(agent_id):
            raise MCPError(INVALID_PARAMS, f"Invalid agent_id in agent://{agent_id}/status")
        return agent_status_text(agent_id)

    sizes = ", ".join(f"{t} = {b} bytes" for t, b in BENCHMARK_DATA_BYTES.items())

    @server.resource(
        "benchmark://{test_type}/data",
        name="benchmark_data",
        title="Benchmark data",
        description=f"Deterministic test data: {sizes}",
        mime_type="text/plain",
    )
    def read_benchmark_data(test_type: str) -> str:
        if test_type not in BENCHMARK_DATA_BYTES:
            expected = ", ".join(BENCHMARK_DATA_BYTES)
            raise MCPError(INVALID_PARAMS, f'Unknown test_type "{test_type[:64]}": expected one of {expected}')
        return benchmark_data(test_type)

    # The template's list (TS: ResourceTemplate `list`): the SDK lists only concrete resources,
    # so each size is also one; reading it serves the same text as the template would.
    for test_type, size in BENCHMARK_DATA_BYTES.items():
        server.resource(
            f"benchmark://{test_type}/data",
            name=f"benchmark_data_{test_type}",
            title="Benchmark data",
            description=f"{size} bytes of deterministic test data",
            mime_type="text/plain",
        )(benchmark_reader(test_type))
