// `--tool NAME --tool-args JSON [--resource URI] [--expect-text TEXT]` with `--target`: measure a
// server with its own surface. Every tool-calling k6 scenario calls that tool (loadtests/lib/config.js
// TOOL…), the gate checks what these flags declare, and the scenarios that need this project's
// other tools are not run.
import type { BenchSettings, CustomCall } from '../results.js';

/** What to call on a target that does not serve this project's tools. */
export interface TargetCall {
  tool: string;
  arguments: Record<string, unknown>;
  /** A resource the target serves: read by the gate and the resources scenario. */
  resource: string | null;
  /** Text the tool's answer must hold (in one of its text items). */
  expectText: string | null;
}

export const TARGET_CALL_FLAGS = ['--tool', '--tool-args', '--resource', '--expect-text'] as const;
export type TargetCallFlag = (typeof TARGET_CALL_FLAGS)[number];

export function isTargetCallFlag(flag: string): flag is TargetCallFlag {
  return (TARGET_CALL_FLAGS as readonly string[]).includes(flag);
}

/**
 * The flags' values, as given: null without --tool. `withTarget`: whether the run has --target
 * (our own servers always serve our tools).
 */
export function parseTargetCall(given: readonly (readonly [TargetCallFlag, string])[], withTarget: boolean): TargetCall | null {
  const value = new Map<TargetCallFlag, string>();
  for (const [flag, v] of given) {
    if (value.has(flag)) throw new Error(`${flag} given twice`);
    value.set(flag, v);
  }
  if (value.size === 0) return null;
  const tool = value.get('--tool');
  if (tool === undefined) {
    throw new Error(`${[...value.keys()].join(', ')} need --tool: the tool of your server to call (e.g. --tool echo --tool-args '{"text":"hi"}')`);
  }
  if (!withTarget) throw new Error('--tool applies to --target only: our own servers are measured with their own tools');
  if (tool.trim() === '') throw new Error('--tool needs a tool name');
  return {
    tool,
    arguments: toolArguments(value.get('--tool-args')),
    resource: resourceUri(value.get('--resource')),
    expectText: nonEmpty('--expect-text', value.get('--expect-text')),
  };
}

function toolArguments(raw: string | undefined): Record<string, unknown> {
  if (raw === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new Error(`--tool-args is not JSON (${(error as Error).message}): ${raw}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`--tool-args must be a JSON object of the tool's arguments, e.g. '{"text":"hi"}', not ${raw}`);
  }
  return parsed as Record<string, unknown>;
}

function resourceUri(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  // MCP names resources by URI: a bare word is a mistake the gate would only report as a failed read.
  if (!URL.canParse(raw)) throw new Error(`--resource must be the URI of a resource your server serves (file:///…, myapp://…), not "${raw}"`);
  return raw;
}

function nonEmpty(flag: string, raw: string | undefined): string | null {
  if (raw === undefined) return null;
  if (raw === '') throw new Error(`${flag} needs a value`);
  return raw;
}

/** The k6 `-e` settings that make every scenario call the target's tool (loadtests/lib/config.js). */
export function targetCallEnv(call: TargetCall): Record<string, string> {
  return {
    TOOL: call.tool,
    TOOL_ARGS: JSON.stringify(call.arguments),
    ...(call.resource !== null ? { RESOURCE_URI: call.resource } : {}),
    ...(call.expectText !== null ? { EXPECT_TEXT: call.expectText } : {}),
  };
}

/** The k6 scenarios that call this project's own tools or resources, and what each needs of them. */
const NEEDS_OUR_SURFACE: Record<string, string> = {
  batch: "it calls this project's batch_process tool",
  'parallel-tasks': "it calls this project's parallel_agent_tasks tool",
  agents: "it times this project's agent_task awaiting 250 ms (its ideal, 400 calls/s, holds for that wait only)",
};
const RESOURCES_SCENARIO = 'resources';

/** Why a k6 scenario cannot run with the target's tool, or null when it can. */
export function whyNotRun(scenarioId: string, call: TargetCall): string | null {
  if (scenarioId === RESOURCES_SCENARIO && call.resource === null) return "it reads this project's resources: --resource names one of yours";
  return NEEDS_OUR_SURFACE[scenarioId] ?? null;
}

/**
 * Keeps the settings' scenarios that can call the target's tool; returns the rest, each with why.
 * Throws when none is left.
 */
export function applyTargetCall(settings: BenchSettings, call: TargetCall): Record<string, string> {
  const notRun: Record<string, string> = {};
  const kept: string[] = [];
  for (const id of settings.scenarios) {
    const why = whyNotRun(id, call);
    if (why === null) kept.push(id);
    else notRun[id] = why;
  }
  if (kept.length === 0) {
    const why = Object.entries(notRun).map(([id, reason]) => `${id}: ${reason}`).join('; ');
    throw new Error(`--tool ${call.tool}: none of the scenarios asked for can call it (${why}); with --tool, run simple-tool, concurrent-calls, session, and resources with --resource`);
  }
  settings.scenarios = kept;
  return notRun;
}

/** What results.json and the report keep of the call. */
export function customCallRecord(call: TargetCall, notRun: Record<string, string>): CustomCall {
  return {
    tool: call.tool,
    arguments: call.arguments,
    ...(call.resource !== null ? { resource: call.resource } : {}),
    ...(call.expectText !== null ? { expectText: call.expectText } : {}),
    notRun,
  };
}

/** One line for the log: the tool, its arguments, and what is not run. */
export function describeTargetCall(call: TargetCall, notRun: Record<string, string>): string {
  const extras = [call.resource !== null ? `resource ${call.resource}` : '', call.expectText !== null ? `answers holding ${JSON.stringify(call.expectText)}` : ''].filter(Boolean);
  const skipped = Object.entries(notRun).map(([id, why]) => `${id} (${why})`);
  return `every tool call: ${call.tool} ${JSON.stringify(call.arguments)}${extras.length ? `; ${extras.join('; ')}` : ''}${skipped.length ? `\nnot run with --tool: ${skipped.join('; ')}` : ''}`;
}
