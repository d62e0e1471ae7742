#!/usr/bin/env node
// One study measurement in a process of its own: pinned like a load generator, on a fresh V8,
// away from the runner's heap. Reads a ProbeSpec (JSON) from argv, prints one JSON line:
// {"ok":true,"value":…} or {"ok":false,"error":"…"}.
import { measureColdStart, type ColdTarget } from './coldstart.js';
import { measureHttpLayers, measureLocalLayers, type LayerTarget } from './layers.js';
import type { ChannelSpec, StudySettings } from './model.js';
import { measureMultiplex } from './multiplex.js';
import { measureOverhead } from './overhead.js';
import { timerCostNs } from './timing.js';

export type ProbeSpec =
  | { study: 'local-layers'; settings: StudySettings }
  | { study: 'http-layers'; settings: StudySettings; target: LayerTarget }
  | { study: 'multiplex' | 'overhead'; settings: StudySettings; channel: ChannelSpec }
  | { study: 'coldstart'; settings: StudySettings; target: ColdTarget; serverPrefix: string[] };

async function run(spec: ProbeSpec): Promise<unknown> {
  switch (spec.study) {
    case 'local-layers':
      return { layers: await measureLocalLayers(spec.settings), timerNs: timerCostNs() };
    case 'http-layers':
      return measureHttpLayers(spec.settings, spec.target);
    case 'multiplex':
      return measureMultiplex(spec.settings, spec.channel);
    case 'overhead':
      return measureOverhead(spec.settings, spec.channel);
    case 'coldstart':
      return measureColdStart(spec.settings, spec.target, spec.serverPrefix);
  }
}

run(JSON.parse(process.argv[2] ?? '{}') as ProbeSpec).then(
  (value) => {
    process.stdout.write(`${JSON.stringify({ ok: true, value })}\n`, () => process.exit(0));
  },
  (error: unknown) => {
    process.stdout.write(`${JSON.stringify({ ok: false, error: (error as Error)?.message ?? String(error) })}\n`, () => process.exit(1));
  },
);
