"""The agent_communication prompt: packages/tools/src/prompt.ts."""

from typing import Annotated, Literal

from mcp.server.mcpserver import MCPServer, UserMessage
from pydantic import Field

from .agent_task import AgentId, max_utf16
from .limits import PROMPT_MESSAGE_CHARS

PROMPT_NAME = "agent_communication"
INTENTS = ("request", "inform", "delegate", "report")
Intent = Literal["request", "inform", "delegate", "report"]


def prompt_text(from_agent: str, to_agent: str, message: str, intent: str | None = None) -> str:
    return (
        f"You are agent {to_agent}. Agent {from_agent} sends you a {intent or 'request'}:\n\n"
        f"{message}\n\nReply to {from_agent} with what you will do and what you need."
    )


def prompt_description(from_agent: str, to_agent: str) -> str:
    """The rendered prompt's description (MCPServer.get_prompt is overridden to send it, see app.py)."""
    return f"Message from {from_agent} to {to_agent}"


def agent_communication(
    from_agent: Annotated[AgentId, Field(description="The sending agent")],
    to_agent: Annotated[AgentId, Field(description="The receiving agent")],
    message: Annotated[
        str,
        Field(min_length=1, max_length=PROMPT_MESSAGE_CHARS, description="What to tell the other agent"),
        max_utf16(PROMPT_MESSAGE_CHARS),
    ],
    intent: Annotated[Intent | None, Field(description=f"One of {', '.join(INTENTS)} (default request)")] = None,
) -> list[UserMessage]:
    return [UserMessage(prompt_text(from_agent, to_agent, message, intent))]


def register_prompts(server: MCPServer) -> None:
    server.prompt(
        name=PROMPT_NAME,
        title="Agent communication",
        description="A message from one agent to another (agent-to-agent communication template)",
    )(agent_communication)
