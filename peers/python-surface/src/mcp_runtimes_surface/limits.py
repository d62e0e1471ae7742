"""Bounds on every input of the surface: the same numbers as packages/tools/src/limits.ts."""

from typing import Final, Literal

TASK_CHARS: Final = 1_000
AGENT_ID_CHARS: Final = 64
AGENT_TASK_DELAY_MS: Final = 10_000
AGENT_TASK_PAYLOAD_BYTES: Final = 1_048_576
# Items of batch_process / parallel_agent_tasks are smaller so one call stays bounded.
ITEM_DELAY_MS: Final = 1_000
ITEM_PAYLOAD_BYTES: Final = 65_536
BATCH_TASKS: Final = 50
PARALLEL_TASKS: Final = 100
PARALLEL_CONCURRENCY: Final = 100
PROMPT_MESSAGE_CHARS: Final = 4_000

Complexity = Literal["low", "medium", "high"]

# CPU work per complexity level: rounds of the checksum mix in work.py.
COMPLEXITY_ROUNDS: Final[dict[str, int]] = {"low": 1_000, "medium": 20_000, "high": 200_000}

BenchmarkDataType = Literal["small", "medium", "large"]

# Sizes served by benchmark://{test_type}/data, in the TS order (the resource list follows it).
BENCHMARK_DATA_BYTES: Final[dict[str, int]] = {"small": 1_024, "medium": 65_536, "large": 1_048_576}

# Agent ids end up in URIs, so they are restricted to URI-safe characters.
AGENT_ID_PATTERN: Final = r"^[A-Za-z0-9_-]+$"
