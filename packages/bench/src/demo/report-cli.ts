#!/usr/bin/env node
// The demo's report service: `report-cli.js RESULTS_DIR` reads plan.json and the k6 container's
// output and writes the report there (results.json, RESULTS.md, report.html, charts/) with the
// code `pnpm bench:all` uses. Exits 1 when a server failed its gate or a run failed.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { collectEnvironment } from '../environment.js';
import { writeReport } from '../report/write.js';
import { hasFailures } from '../results.js';
import { collectDemo } from './collect.js';
import type { DemoPlan } from './plan.js';

function main(): number {
  const dirArg = process.argv[2];
  if (!dirArg) {
    console.error('usage: report-cli.js RESULTS_DIR');
    return 2;
  }
  const dir = resolve(dirArg);
  const planFile = join(dir, 'plan.json');
  if (!existsSync(planFile)) {
    console.error(`demo report: no ${planFile}: the plan service did not run`);
    return 1;
  }
  if (!existsSync(join(dir, 'k6', 'done'))) {
    console.error('demo report: the k6 runs did not finish (no k6/done); the report covers what ran');
  }
  const plan = JSON.parse(readFileSync(planFile, 'utf8')) as DemoPlan;
  const environment = collectEnvironment(null);
  const l = plan.limits;
  if (!l) {
    console.error(`demo report: ${planFile} has no container limits: the demo's plan service did not write it`);
    return 1;
  }
  environment.versions.k6 = l.k6Image;
  delete environment.versions.wrk;
  delete environment.versions.h2load;
  delete environment.versions.oha;
  environment.containers = { server: `cpus ${l.serverCpus}, memory ${l.serverMemory} each`, generator: `${l.k6Image}, cpus ${l.k6Cpus}` };
  const results = collectDemo(plan, dir, environment);
  const written = writeReport(results, dir);
  console.log(`demo report: ${written.markdown}\n             ${written.html}`);
  const failed = hasFailures(results);
  if (failed) console.log('some servers failed (see "Correctness gate and failures" in the report)');
  return failed ? 1 : 0;
}

process.exitCode = main();
