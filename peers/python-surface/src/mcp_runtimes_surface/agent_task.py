"""One agent task's input, its work and its result: packages/tools/src/agent-task.ts."""

import asyncio
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, Field

from . import limits
from .limits import Complexity
from .work import deterministic_text, simulate_work, utf16_length


def max_utf16(limit: int) -> AfterValidator:
    """zod counts a string's length in UTF-16 code units, pydantic in code points: check the units too."""

    def check(value: str) -> str:
        if utf16_length(value) > limit:
            raise ValueError(f"at most {limit} UTF-16 code units")
        return value

    return AfterValidator(check)


AgentId = Annotated[
    str, Field(min_length=1, max_length=limits.AGENT_ID_CHARS, pattern=limits.AGENT_ID_PATTERN)
]
TaskText = Annotated[
    str,
    Field(min_length=1, max_length=limits.TASK_CHARS, description="What the agent should do"),
    max_utf16(limits.TASK_CHARS),
]
ComplexityField = Annotated[Complexity, Field(description="Deterministic CPU work: low, medium or high")]
AgentIdField = Annotated[AgentId, Field(description="The agent doing the work")]
DELAY_DESCRIPTION = "Awaited delay simulating an LLM or API call"
PAYLOAD_DESCRIPTION = "Size in bytes of a deterministic text payload returned with the result"



def bounded_int(low: int, high: int, description: str) -> Any:
    """An integer in [low, high]; strict, so a JSON string such as "5" is no number (as for zod)."""
    return Field(strict=True, ge=low, le=high, description=description)


AgentTaskDelay = Annotated[int, bounded_int(0, limits.AGENT_TASK_DELAY_MS, DELAY_DESCRIPTION)]
AgentTaskPayload = Annotated[int, bounded_int(0, limits.AGENT_TASK_PAYLOAD_BYTES, PAYLOAD_DESCRIPTION)]


class TaskItem(BaseModel):
    """An item of batch_process / parallel_agent_tasks: smaller bounds than one agent_task call."""

    task: TaskText
    complexity: ComplexityField = "low"
    delay_ms: Annotated[int, bounded_int(0, limits.ITEM_DELAY_MS, DELAY_DESCRIPTION)] = 0
    payload_bytes: Annotated[int, bounded_int(0, limits.ITEM_PAYLOAD_BYTES, PAYLOAD_DESCRIPTION)] = 0
    agent_id: AgentIdField = "agent-0"


class TaskResult(BaseModel):
    agent_id: str
    task: str
    complexity: Complexity
    rounds: int
    checksum: str
    delay_ms: int
    payload_bytes: int


@dataclass(frozen=True)
class TaskOutcome:
    result: dict[str, Any]
    payload: str


async def run_agent_task(task: str, complexity: str, delay_ms: int, payload_bytes: int, agent_id: str) -> TaskOutcome:
    """The tool's work without MCP around it. A cancelled request cancels the sleep (asyncio)."""
    rounds, checksum = simulate_work(task, complexity)
    if delay_ms > 0:
        await asyncio.sleep(delay_ms / 1000)
    # Field order as the TS result, so structuredContent serialises alike.
    result = {
        "agent_id": agent_id,
        "task": task,
        "complexity": complexity,
        "rounds": rounds,
        "checksum": checksum,
        "delay_ms": delay_ms,
        "payload_bytes": payload_bytes,
    }
    return TaskOutcome(result, deterministic_text(payload_bytes, checksum))


def describe_result(result: dict[str, Any]) -> str:
    return (
        f'Agent {result["agent_id"]} completed "{result["task"]}" '
        f'(complexity {result["complexity"]}, {result["rounds"]} rounds, checksum {result["checksum"]})'
    )
