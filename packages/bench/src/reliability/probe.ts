#!/usr/bin/env node
// One reliability check in a process of its own, pinned like a load generator. Reads a
// ReliabilityProbe (JSON) from argv, prints one JSON line: {"ok":true,"value":…} or {"ok":false,"error":"…"}.
import { serveProbe } from '../probe-process.js';
import { overload, shutdownUnderLoad, soak } from './checks.js';
import type { ReliabilitySettings } from './model.js';
import type { Target } from './open-loop.js';

export type ReliabilityProbe =
  | { check: 'overload'; target: Target; pid: number; settings: ReliabilitySettings; saturationRps: number }
  | { check: 'shutdown' | 'soak'; target: Target; pid: number; settings: ReliabilitySettings };

async function run(spec: ReliabilityProbe): Promise<unknown> {
  switch (spec.check) {
    case 'overload':
      return overload(spec.target, spec.pid, spec.settings, spec.saturationRps);
    case 'shutdown':
      return shutdownUnderLoad(spec.target, spec.pid, spec.settings);
    case 'soak':
      return soak(spec.target, spec.pid, spec.settings);
  }
}

serveProbe(run);
