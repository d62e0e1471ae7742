#!/usr/bin/env node
// One study measurement in a process of its own (see probe-process.ts): reads a ProbeSpec.
import { serveProbe } from '../probe-process.js';
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

serveProbe(run);
