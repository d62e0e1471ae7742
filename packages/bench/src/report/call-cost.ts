// Where a call's CPU and heap go, from the floor: the tool alone and the JSON either side of it
// measured on their own, the rest of each wiring's handler (the protocol's checks, the SDK's
// validation and dispatch) by difference, and each server's HTTP path around the handler by
// difference from its CPU per call at saturation.
import { baseName, DEFAULT_NODE_RUNTIME, runtimeOf, SERVERS } from '@mcp-runtimes/registry';
import type { FloorResult } from '../floor/mcp-floor.js';
import { isFloorStage } from '../floor/stages.js';
import type { Cell } from '../summarise.js';
import type { Ctx } from './context.js';
import { bytes, num } from './format.js';
import type { Block } from './model.js';

const FIGURES = ['CPU µs per call', 'Heap bytes per call', 'Collections per 1,000 calls'] as const;

function figures(f: { cpuUsPerCall: number; heapBytesPerCall?: number | undefined; collectionsPer1000Calls?: number | undefined }): string[] {
  return [num(f.cpuUsPerCall, 1), f.heapBytesPerCall === undefined ? 'not measured' : bytes(f.heapBytesPerCall), f.collectionsPer1000Calls === undefined ? '' : num(f.collectionsPer1000Calls, 1)];
}

/** A handler's figures less the tool's and the JSON's: what the protocol and the SDK take. */
function rest(handler: FloorResult, parts: readonly FloorResult[]): { cpuUsPerCall: number; heapBytesPerCall?: number } {
  const sum = (pick: (f: FloorResult) => number | undefined) => {
    const values = [handler, ...parts].map(pick);
    return values.every((v) => v !== undefined) ? (values[0] as number) - values.slice(1).reduce((a, b) => (a as number) + (b as number), 0) : undefined;
  };
  const heap = sum((f) => f.heapBytesPerCall);
  return { cpuUsPerCall: sum((f) => f.cpuUsPerCall) as number, ...(heap === undefined ? {} : { heapBytesPerCall: heap }) };
}

function onFloorEngine(server: string): boolean {
  return SERVERS.some((s) => s.name === baseName(server)) && runtimeOf(server) === DEFAULT_NODE_RUNTIME;
}

export function callCostBlocks(ctx: Ctx, mcp: Map<string, (Cell | null)[]>): Block[] {
  const floors = ctx.results.floor ?? [];
  const stages = floors.filter((f) => isFloorStage(f.wiring));
  const handlers = floors.filter((f) => !isFloorStage(f.wiring));
  const tool = stages.find((f) => f.wiring === 'tool');
  const json = stages.find((f) => f.wiring === 'json');
  if (!tool || !json || handlers.length === 0) return [];
  const rows: string[][] = [
    ["The tool: agent_task's own work, its input already validated", ...figures(tool)],
    ['JSON: the request parsed and the answer written, no MCP', ...figures(json)],
  ];
  for (const handler of handlers) {
    rows.push(
      [`${handler.wiring}: the protocol's checks, the SDK's validation and dispatch (the handler less the two above)`, ...figures(rest(handler, [tool, json]))],
      [`${handler.wiring}: the whole handler, no HTTP`, ...figures(handler)],
    );
  }
  const main = handlers.find((f) => f.wiring === ctx.primary);
  if (main) {
    ctx.servers.forEach((server, i) => {
      const cell = mcp.get(ctx.primary)?.[i];
      // Only a server on the floor's engine: on another, the handler itself costs something else.
      if (!cell || cell.requestsPerCpuSecond.n === 0 || !onFloorEngine(server)) return;
      rows.push([`${server}: its HTTP stack around the ${main.wiring} handler (server CPU per call at saturation less the handler's)`, num(1e6 / cell.requestsPerCpuSecond.mean - main.cpuUsPerCall, 1), 'not measured', '']);
    });
  }
  return [
    {
      kind: 'text',
      text:
        `**Where a call's CPU and garbage go.** The floor also runs two parts of the same call on their own, in a process of the same kind${tool.node ? ` (Node ${tool.node})` : ''} with the same ${tool.inFlight} calls in flight: the tool, and the JSON either side of it. ` +
        "What a wiring's handler takes beyond them is the protocol's and the SDK's; what a server on the same Node line takes at saturation beyond its handler is its HTTP stack's. " +
        "Heap bytes are V8's own count (the used heap's growth plus what each collection freed), so they include every short-lived object a call leaves behind; the rows \"by difference\" subtract means and carry the noise of both.",
    },
    { kind: 'table', head: ['Part of a call', ...FIGURES], rows },
  ];
}
