"""The Python port reproduces every vector the TypeScript package made (packages/tools/vectors.json)."""

import json
from pathlib import Path
from typing import Any

import pytest
from mcp import Client

from mcp_runtimes_surface.agent_task import describe_result
from mcp_runtimes_surface.app import INSTRUCTIONS, SERVER_NAME, SERVER_VERSION, build_server
from mcp_runtimes_surface.prompt import prompt_description, prompt_text
from mcp_runtimes_surface.resources import agent_status, agent_status_text, benchmark_data
from mcp_runtimes_surface.work import combine_checksums, deterministic_text, fnv1a, simulate_work, to_hex

VECTORS: dict[str, Any] = json.loads(
    (Path(__file__).resolve().parents[3] / "packages/tools/vectors.json").read_text(encoding="utf-8")
)
WHOLE_TEXT = 128


def text_vector(text: str) -> dict[str, Any]:
    """As vectors.ts stores a text (lengths in UTF-16 units: these texts are ASCII)."""
    if len(text) <= WHOLE_TEXT:
        return {"length": len(text), "text": text}
    return {"length": len(text), "fnv1a": to_hex(fnv1a(text)), "head": text[:64], "tail": text[-64:]}


def test_server_identity() -> None:
    assert VECTORS["server"] == {"name": SERVER_NAME, "version": SERVER_VERSION, "instructions": INSTRUCTIONS}


@pytest.mark.parametrize("v", VECTORS["fnv1a"], ids=lambda v: repr(v["text"][:12]))
def test_fnv1a(v: dict[str, Any]) -> None:
    assert fnv1a(v["text"]) == v["hash"]


@pytest.mark.parametrize("v", VECTORS["simulateWork"], ids=lambda v: f"{v['task'][:12]!r}-{v['complexity']}")
def test_simulate_work(v: dict[str, Any]) -> None:
    assert simulate_work(v["task"], v["complexity"]) == (v["rounds"], v["checksum"])


def test_combine_checksums() -> None:
    for v in VECTORS["combineChecksums"]:
        assert combine_checksums(v["checksums"]) == v["checksum"]


def test_deterministic_text() -> None:
    for v in VECTORS["deterministicText"]:
        expected = {k: v[k] for k in v if k not in ("bytes", "seed")}
        assert text_vector(deterministic_text(v["bytes"], v["seed"])) == expected, (v["bytes"], v["seed"])


def test_describe_result() -> None:
    for v in VECTORS["describeResult"]:
        assert describe_result(v["result"]) == v["text"]


def test_agent_status() -> None:
    for v in VECTORS["agentStatus"]:
        assert agent_status(v["agentId"]) == v["status"]
        assert agent_status_text(v["agentId"]) == v["text"]


def test_benchmark_data() -> None:
    for v in VECTORS["benchmarkData"]:
        expected = {k: v[k] for k in v if k != "testType"}
        assert text_vector(benchmark_data(v["testType"])) == expected


def test_prompt() -> None:
    for v in VECTORS["prompt"]:
        args = v["args"]
        assert prompt_description(args["from_agent"], args["to_agent"]) == v["description"]
        assert prompt_text(**args) == v["messages"][0]["content"]["text"]


def dump(model: Any) -> Any:
    """An SDK model as it goes on the wire (camelCase, no unset fields)."""
    return model.model_dump(mode="json", by_alias=True, exclude_none=True)


@pytest.mark.anyio
async def test_through_the_sdk_client() -> None:
    """Every answer as a client of the SDK's in-process transport sees it."""
    async with Client(build_server()) as client:
        for v in VECTORS["tools"]:
            result = await client.call_tool(v["call"]["name"], v["call"]["arguments"])
            assert not result.is_error, result
            assert [dump(block) for block in result.content] == v["content"], v["call"]
            structured = dict(result.structured_content or {})
            assert isinstance(structured.pop("elapsed_ms"), float)
            assert structured == v["structuredContent"], v["call"]

        listed = (await client.list_resources()).resources
        # The TS SDK lists each with its template's title too; the vector is the list callback's own answer.
        assert all(r.title == "Benchmark data" for r in listed)
        assert [dump(r) | {"title": None} for r in listed] == [r | {"title": None} for r in VECTORS["benchmarkDataResources"]]
        templates = (await client.list_resource_templates()).resource_templates
        assert sorted(t.uri_template for t in templates) == ["agent://{agent_id}/status", "benchmark://{test_type}/data"]
        for v in VECTORS["benchmarkData"]:
            contents = (await client.read_resource(f"benchmark://{v['testType']}/data")).contents[0]
            assert contents.mime_type == "text/plain"
            assert text_vector(contents.text) == {k: v[k] for k in v if k != "testType"}
        for v in VECTORS["agentStatus"]:
            contents = (await client.read_resource(f"agent://{v['agentId']}/status")).contents[0]
            assert (contents.mime_type, contents.text) == ("application/json", v["text"])

        for v in VECTORS["prompt"]:
            prompt = await client.get_prompt("agent_communication", v["args"])
            assert dump(prompt)["description"] == v["description"]
            assert [dump(m) for m in prompt.messages] == v["messages"]
