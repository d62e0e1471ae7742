"""The surface on the SDK's MCPServer, as an ASGI app: stateless, JSON responses, plus /health."""

import resource
import time
from typing import Any

from mcp.server.mcpserver import Context, MCPServer
from mcp_types import GetPromptResult, InputRequiredResult
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse

from .prompt import PROMPT_NAME, prompt_description, register_prompts
from .resources import register_resources
from .tools import register_tools

SERVER_NAME = "mcp-runtimes"
SERVER_VERSION = "0.1.0"
INSTRUCTIONS = (
    "Reference MCP server of mcp-runtimes: simulated agent work (agent_task, batch_process, "
    "parallel_agent_tasks), agent status and benchmark data resources, an agent_communication prompt."
)


class SurfaceServer(MCPServer[Any]):
    """MCPServer answers a prompt with its static description; the TS prompt's names both agents."""

    async def get_prompt(
        self, name: str, arguments: dict[str, Any] | None = None, context: Context[Any, Any] | None = None
    ) -> GetPromptResult | InputRequiredResult:
        result = await super().get_prompt(name, arguments, context)
        if name == PROMPT_NAME and isinstance(result, GetPromptResult) and arguments:
            result.description = prompt_description(str(arguments["from_agent"]), str(arguments["to_agent"]))
        return result


def build_server() -> SurfaceServer:
    server = SurfaceServer(SERVER_NAME, version=SERVER_VERSION, instructions=INSTRUCTIONS)
    register_tools(server)
    register_resources(server)
    register_prompts(server)
    return server


def process_figures() -> dict[str, float | int]:
    """This process's CPU time and peak RSS (Linux reports ru_maxrss in KiB)."""
    return {
        "cpu_seconds": time.process_time(),
        "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    }


def build_app(runtime: str, mcp_path: str = "/mcp") -> Starlette:
    """The ASGI app of one peer: the SDK's Streamable HTTP app, stateless, answering JSON (not SSE)."""
    server = build_server()

    @server.custom_route("/health", methods=["GET"])
    async def health(_: Request) -> JSONResponse:
        return JSONResponse({"status": "ok", "runtime": runtime, "process": process_figures()})

    return server.streamable_http_app(streamable_http_path=mcp_path, stateless_http=True, json_response=True)
