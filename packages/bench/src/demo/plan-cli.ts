#!/usr/bin/env node
// The demo's plan service: `plan-cli.js RESULTS_DIR [bench:all flags]` writes plan.json and
// plan.sh there for the k6 container, and clears the previous run's k6 output.
// Environment (set by docker-compose.yml): DEMO_WIRING, DEMO_SERVER_CPUS, DEMO_SERVER_MEMORY,
// DEMO_K6_CPUS, DEMO_K6_IMAGE; DEMO_TARGETS (name=url,…) only to aim the plan elsewhere.
import { accessSync, constants, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatDuration } from '../runner.js';
import { estimateSeconds } from '../estimate.js';
import { demoPlan, demoSettings, planScript, type DemoLimits } from './plan.js';
import { demoTargets, parseTargets } from './targets.js';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (docker-compose.yml sets it)`);
  return value;
}

function targets(): Record<string, string> {
  const raw = process.env.DEMO_TARGETS;
  return raw ? parseTargets(raw, 'DEMO_TARGETS') : demoTargets();
}

function main(): number {
  const [dirArg, ...args] = process.argv.slice(2);
  if (!dirArg) {
    console.error('usage: plan-cli.js RESULTS_DIR [bench:all flags, e.g. --quick --servers node-http,uws]');
    return 2;
  }
  const dir = resolve(dirArg);
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch {
    console.error(`cannot write ${dir}: give the demo your user (DEMO_UID=$(id -u) DEMO_GID=$(id -g) docker compose up …)`);
    return 1;
  }
  let plan;
  try {
    const settings = demoSettings(args, process.env.DEMO_WIRING || 'tuned');
    const limits: DemoLimits = {
      serverCpus: required('DEMO_SERVER_CPUS'),
      serverMemory: required('DEMO_SERVER_MEMORY'),
      k6Cpus: required('DEMO_K6_CPUS'),
      k6Image: required('DEMO_K6_IMAGE'),
    };
    plan = { ...demoPlan(settings, targets()), limits };
  } catch (error) {
    console.error(`demo plan: ${(error as Error).message}`);
    return 2;
  }
  rmSync(join(dir, 'k6'), { recursive: true, force: true });
  writeFileSync(join(dir, 'plan.json'), `${JSON.stringify(plan, null, 2)}\n`);
  writeFileSync(join(dir, 'plan.sh'), planScript(plan), { mode: 0o755 });
  const s = plan.settings;
  console.log(
    `demo plan: ${plan.runs.length} k6 runs, about ${formatDuration(estimateSeconds(s))}: ${s.servers.length} servers × ${s.wirings.length} MCP revision(s) × ${s.scenarios.length} scenarios × ${s.repeats} rounds, ${s.durationSeconds} s each (${s.wirings.join(', ')})`,
  );
  return 0;
}

process.exitCode = main();
