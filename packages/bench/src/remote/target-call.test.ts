import { describe, expect, it } from 'vitest';
import { DEMO_SCENARIOS } from '../demo/plan.js';
import { parseArgs } from '../settings.js';
import { remoteSettings } from './run.js';
import { applyTargetCall, customCallRecord, describeTargetCall, targetCallEnv, type TargetCall } from './target-call.js';

const TARGET = ['--target', 'mine=http://127.0.0.1:8080/mcp'];
const ECHO: TargetCall = { tool: 'echo', arguments: { text: 'hi' }, resource: null, expectText: null };

describe('--tool and its flags: a target with its own surface', () => {
  it('parses the tool, its JSON arguments, a resource and the expected text', () => {
    const o = parseArgs([...TARGET, '--tool', 'echo', '--tool-args', '{"text":"hi","times":2}', '--resource', 'file:///x', '--expect-text', 'hi']);
    expect(o.call).toEqual({ tool: 'echo', arguments: { text: 'hi', times: 2 }, resource: 'file:///x', expectText: 'hi' });
    expect(parseArgs([...TARGET, '--tool', 'ping']).call).toEqual({ tool: 'ping', arguments: {}, resource: null, expectText: null });
    // Without --tool, our own surface: nothing changes.
    expect(parseArgs(TARGET).call).toBeNull();
    expect(parseArgs([]).call).toBeNull();
  });

  it('refuses bad values with a message that says what to give', () => {
    expect(() => parseArgs([...TARGET, '--tool', 'echo', '--tool-args', '{text:hi}'])).toThrow(/--tool-args is not JSON .*: \{text:hi\}/);
    expect(() => parseArgs([...TARGET, '--tool', 'echo', '--tool-args', '["hi"]'])).toThrow(/--tool-args must be a JSON object/);
    expect(() => parseArgs([...TARGET, '--tool', 'echo', '--tool-args', 'null'])).toThrow(/--tool-args must be a JSON object/);
    expect(() => parseArgs(['--tool', 'echo'])).toThrow(/--tool applies to --target only/);
    expect(() => parseArgs([...TARGET, '--tool-args', '{}'])).toThrow(/--tool-args need --tool/);
    expect(() => parseArgs([...TARGET, '--resource', 'file:///x', '--expect-text', 'a'])).toThrow(/--resource, --expect-text need --tool/);
    expect(() => parseArgs([...TARGET, '--tool', 'echo', '--tool', 'ping'])).toThrow(/--tool given twice/);
    expect(() => parseArgs([...TARGET, '--tool', ' '])).toThrow(/--tool needs a tool name/);
    expect(() => parseArgs([...TARGET, '--tool', 'echo', '--resource', 'notes'])).toThrow(/--resource must be the URI/);
    expect(() => parseArgs([...TARGET, '--tool', 'echo', '--expect-text', ''])).toThrow(/--expect-text needs a value/);
    expect(() => parseArgs([...TARGET, '--tool'])).toThrow(/--tool needs a value/);
  });

  it('leaves the flags out of the settings the remote run builds, and its command keeps them', () => {
    const args = [...TARGET, '--tool', 'echo', '--tool-args', '{"text":"hi"}', '--resource', 'file:///x', '--expect-text', 'hi', '--duration', '2'];
    const settings = remoteSettings(args, { mine: 'http://127.0.0.1:8080/mcp' });
    expect(settings.scenarios).toEqual(DEMO_SCENARIOS);
    expect(settings.durationSeconds).toBe(2);
    expect(settings.command).toBe(`pnpm bench:all ${args.join(' ')}`);
  });

  it("runs the scenarios that can call the tool, and says why the others cannot", () => {
    const settings = remoteSettings(TARGET, { mine: 'http://127.0.0.1:8080/mcp' });
    const notRun = applyTargetCall(settings, ECHO);
    expect(settings.scenarios).toEqual(['simple-tool', 'concurrent-calls', 'session']);
    expect(Object.keys(notRun)).toEqual(['batch', 'resources', 'parallel-tasks', 'agents']);
    expect(notRun.resources).toMatch(/--resource names one of yours/);
    expect(notRun.agents).toMatch(/agent_task awaiting 250 ms/);

    const withResource = remoteSettings(TARGET, { mine: 'http://127.0.0.1:8080/mcp' });
    applyTargetCall(withResource, { ...ECHO, resource: 'file:///x' });
    expect(withResource.scenarios).toEqual(['simple-tool', 'resources', 'concurrent-calls', 'session']);

    const ours = remoteSettings([...TARGET, '--scenarios', 'batch,agents'], { mine: 'http://127.0.0.1:8080/mcp' });
    expect(() => applyTargetCall(ours, ECHO)).toThrow(/--tool echo: none of the scenarios asked for can call it \(batch: .*; agents: .*\); with --tool, run simple-tool/);
  });

  it('hands k6 the call in its env, and the report what was called and left out', () => {
    expect(targetCallEnv(ECHO)).toEqual({ TOOL: 'echo', TOOL_ARGS: '{"text":"hi"}' });
    expect(targetCallEnv({ ...ECHO, resource: 'file:///x', expectText: 'hi' })).toEqual({ TOOL: 'echo', TOOL_ARGS: '{"text":"hi"}', RESOURCE_URI: 'file:///x', EXPECT_TEXT: 'hi' });
    const notRun = { batch: "it calls this project's batch_process tool" };
    expect(customCallRecord(ECHO, notRun)).toEqual({ tool: 'echo', arguments: { text: 'hi' }, notRun });
    expect(customCallRecord({ ...ECHO, resource: 'file:///x', expectText: 'hi' }, {})).toEqual({ tool: 'echo', arguments: { text: 'hi' }, resource: 'file:///x', expectText: 'hi', notRun: {} });
    expect(describeTargetCall(ECHO, notRun)).toBe(`every tool call: echo {"text":"hi"}\nnot run with --tool: batch (it calls this project's batch_process tool)`);
  });
});
