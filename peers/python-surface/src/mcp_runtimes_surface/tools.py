"""The three tools: packages/tools/src/tools.ts on the SDK's MCPServer."""

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Annotated

from mcp.server.mcpserver import Context, MCPServer
from mcp_types import CallToolResult, TextContent
from pydantic import BaseModel, Field

from . import limits
from .agent_task import (
    AgentIdField,
    AgentTaskDelay,
    AgentTaskPayload,
    ComplexityField,
    TaskItem,
    TaskOutcome,
    TaskResult,
    TaskText,
    bounded_int,
    describe_result,
    run_agent_task,
)
from .work import combine_checksums


class AgentTaskOutput(TaskResult):
    elapsed_ms: float


class BatchOutput(BaseModel):
    count: int
    checksum: str
    results: list[TaskResult]
    elapsed_ms: float


class ParallelOutput(BatchOutput):
    max_concurrency: int


def elapsed_since(start: float) -> float:
    """Milliseconds since `start`, rounded to microseconds: the only non-deterministic output field."""
    return round((time.perf_counter() - start) * 1000, 3)


def text(value: str) -> TextContent:
    return TextContent(type="text", text=value)


def payload_blocks(outcomes: list[TaskOutcome]) -> list[TextContent]:
    return [text(o.payload) for o in outcomes if o.payload]


def task_list_result(outcomes: list[TaskOutcome], start: float, summary: Callable[[int, str], str], **after_count: int) -> CallToolResult:
    """batch_process's and parallel_agent_tasks's answer: the summary line, the payloads, the results in order."""
    results = [o.result for o in outcomes]
    checksum = combine_checksums([r["checksum"] for r in results])
    return CallToolResult(
        content=[text(summary(len(results), checksum)), *payload_blocks(outcomes)],
        # Key order as the TypeScript tools write it (count, then parallel's max_concurrency, ...).
        structured_content={
            "count": len(results),
            **after_count,
            "checksum": checksum,
            "results": results,
            "elapsed_ms": elapsed_since(start),
        },
    )


async def agent_task(
    ctx: Context,
    task: TaskText,
    complexity: ComplexityField = "low",
    delay_ms: AgentTaskDelay = 0,
    payload_bytes: AgentTaskPayload = 0,
    agent_id: AgentIdField = "agent-0",
) -> Annotated[CallToolResult, AgentTaskOutput]:
    start = time.perf_counter()
    # A no-op unless the caller sent a progressToken, as in the TS tools.
    await ctx.report_progress(0, 1, f"agent {agent_id} started")
    outcome = await run_agent_task(task, complexity, delay_ms, payload_bytes, agent_id)
    await ctx.report_progress(1, 1, f"agent {agent_id} finished")
    return CallToolResult(
        content=[text(describe_result(outcome.result)), *payload_blocks([outcome])],
        structured_content={**outcome.result, "elapsed_ms": elapsed_since(start)},
    )


def run_item(item: TaskItem) -> Awaitable[TaskOutcome]:
    return run_agent_task(item.task, item.complexity, item.delay_ms, item.payload_bytes, item.agent_id)


async def batch_process(
    ctx: Context,
    tasks: Annotated[
        list[TaskItem], Field(min_length=1, max_length=limits.BATCH_TASKS, description="The tasks, processed in order")
    ],
) -> Annotated[CallToolResult, BatchOutput]:
    start = time.perf_counter()
    outcomes: list[TaskOutcome] = []
    for item in tasks:
        outcomes.append(await run_item(item))
        await ctx.report_progress(len(outcomes), len(tasks), f"task {len(outcomes)} of {len(tasks)} done")
    return task_list_result(outcomes, start, lambda count, checksum: f"Processed {count} tasks in order, combined checksum {checksum}")


async def parallel_agent_tasks(
    ctx: Context,
    tasks: Annotated[
        list[TaskItem], Field(min_length=1, max_length=limits.PARALLEL_TASKS, description="The tasks, run concurrently")
    ],
    max_concurrency: Annotated[
        int, bounded_int(1, limits.PARALLEL_CONCURRENCY, "How many tasks may run at the same time")
    ] = 10,
) -> Annotated[CallToolResult, ParallelOutput]:
    start = time.perf_counter()
    outcomes: list[TaskOutcome | None] = [None] * len(tasks)
    pending = iter(enumerate(tasks))
    done = 0

    # At most max_concurrency workers pull the next item, as mapWithConcurrency; results keep input order.
    async def worker() -> None:
        nonlocal done
        for index, item in pending:
            outcomes[index] = await run_item(item)
            done += 1
            await ctx.report_progress(done, len(tasks), f"{done} of {len(tasks)} tasks done")

    async with asyncio.TaskGroup() as group:
        for _ in range(min(max_concurrency, len(tasks))):
            group.create_task(worker())
    finished = [o for o in outcomes if o is not None]
    return task_list_result(
        finished,
        start,
        lambda count, checksum: f"Ran {count} tasks with at most {max_concurrency} at once, combined checksum {checksum}",
        max_concurrency=max_concurrency,
    )


def register_tools(server: MCPServer) -> None:
    server.add_tool(
        agent_task,
        title="Agent task",
        description=(
            "Simulated agent work: deterministic CPU work set by complexity, an optional awaited delay "
            "(an LLM or API call) and an optional payload. Returns a checksum of the work done."
        ),
    )
    server.add_tool(
        batch_process,
        title="Batch process",
        description=(
            "Several heterogeneous agent tasks processed one after another inside a single call "
            "(a batch inside a tool call, not JSON-RPC batching). Reports progress per task."
        ),
    )
    server.add_tool(
        parallel_agent_tasks,
        title="Parallel agent tasks",
        description=(
            "N agent tasks run concurrently inside one call, at most max_concurrency at a time, "
            "with a summary. Reports progress as tasks complete."
        ),
    )
