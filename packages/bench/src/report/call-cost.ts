// Where a call's CPU and heap go, from the floor: the tool alone and the JSON either side of it
// measured on their own, the rest of each wiring's handler (the protocol's checks, the SDK's
// validation and dispatch) by difference, and what each server spends around the handler by
// difference from its CPU per call at saturation.
import { DEFAULT_NODE_RUNTIME, isOurServer, runtimeOf } from '@mcp-runtimes/registry';
import type { FloorResult } from '../floor/mcp-floor.js';
import { isFloorStage } from '../floor/stages.js';
import type { Cell } from '../summarise.js';
import { eraOf } from '../variants.js';
import type { Ctx } from './context.js';
import { bytes, num, withCi } from './format.js';
import type { Block } from './model.js';

const FIGURES = ['CPU µs per call', 'Heap bytes per call', 'Collections per 1,000 calls'] as const;
/** A figure a row has no way to give (a difference of means has no collection count; the HTTP side's heap is not counted). */
const NONE = '—';

function figures(f: { cpuUsPerCall: number; heapBytesPerCall?: number | undefined; collectionsPer1000Calls?: number | undefined }): string[] {
  return [num(f.cpuUsPerCall, 1), f.heapBytesPerCall === undefined ? NONE : bytes(f.heapBytesPerCall), f.collectionsPer1000Calls === undefined ? NONE : num(f.collectionsPer1000Calls, 1)];
}

/** A handler's figures less the stages': what the protocol and the SDK take. */
function rest(handler: FloorResult, stages: readonly FloorResult[]): { cpuUsPerCall: number; heapBytesPerCall?: number } {
  const less = (pick: (f: FloorResult) => number | undefined) => {
    const parts = stages.map(pick);
    const whole = pick(handler);
    return whole === undefined || parts.some((p) => p === undefined) ? undefined : whole - parts.reduce((a: number, b) => a + (b as number), 0);
  };
  const heap = less((f) => f.heapBytesPerCall);
  return { cpuUsPerCall: less((f) => f.cpuUsPerCall) as number, ...(heap === undefined ? {} : { heapBytesPerCall: heap }) };
}

/** A server on the floor's engine: on another, the handler itself costs something else. */
function onFloorEngine(server: string): boolean {
  return isOurServer(server) && runtimeOf(server) === DEFAULT_NODE_RUNTIME;
}

/** Server CPU per call at saturation less the handler's, with the interval of the former; "—" where noise puts it below zero. */
function around(cell: Cell, handler: FloorResult): string {
  const perSecond = cell.requestsPerCpuSecond;
  const us = (rate: number) => 1e6 / rate - handler.cpuUsPerCall;
  const mean = us(perSecond.mean);
  if (mean <= 0) return `${NONE} (no more than the handler's, within noise)`;
  return withCi({ ...perSecond, mean, ci95: perSecond.ci95 ? [us(perSecond.ci95[1]), us(perSecond.ci95[0])] : null }, (v) => num(v, 1));
}

export function callCostBlocks(ctx: Ctx, mcp: Map<string, (Cell | null)[]>): Block[] {
  const floors = ctx.results.floor ?? [];
  const stages = floors.filter((f) => isFloorStage(f.wiring));
  const handlers = floors.filter((f) => !isFloorStage(f.wiring));
  const tool = stages.find((f) => f.wiring === 'tool');
  const json = stages.find((f) => f.wiring === 'json');
  if (!tool || !json || handlers.length === 0) return [];
  // The stages are cut from the 2025-era request: only a handler of that era splits by them.
  const stageEra = eraOf('tuned');
  const rows: string[][] = [
    ["The tool: agent_task's own work, its input already validated", ...figures(tool)],
    ['JSON: the request parsed and the answer written, no MCP', ...figures(json)],
  ];
  for (const handler of handlers) {
    if (eraOf(handler.wiring) === stageEra) {
      rows.push([`${handler.wiring}: the protocol's checks, the SDK's validation and dispatch (the handler less the two above)`, ...figures(rest(handler, [tool, json]))]);
    }
    rows.push([`${handler.wiring}: the whole handler, no HTTP`, ...figures(handler)]);
  }
  const main = handlers.find((f) => f.wiring === ctx.primary);
  if (main) {
    ctx.servers.forEach((server, i) => {
      const cell = mcp.get(ctx.primary)?.[i];
      if (!cell || cell.requestsPerCpuSecond.n === 0 || !onFloorEngine(server)) return;
      rows.push([`${server}: everything around the ${main.wiring} handler (our endpoint, its HTTP stack, the kernel): server CPU per call at saturation less the handler's`, around(cell, main), NONE, NONE]);
    });
  }
  return [
    {
      kind: 'text',
      text:
        `**Where a call's CPU and garbage go.** The floor also runs two parts of the same call on their own, in a process of the same kind${tool.node ? ` (Node ${tool.node})` : ''} with the same ${tool.inFlight} calls in flight: the tool, and the JSON either side of it. ` +
        "What a wiring's handler takes beyond them is the protocol's and the SDK's; what a server on the same Node line takes at saturation beyond its handler is everything around it: our endpoint's guards and limits, its HTTP stack and the kernel's socket work. " +
        'Heap bytes are V8\'s own count (the used heap\'s growth plus what each collection freed), so they include every short-lived object a call leaves behind; the rows "less" subtract means and carry the noise of both.',
    },
    { kind: 'table', head: ['Part of a call', ...FIGURES], rows },
  ];
}
