#!/usr/bin/env node
// `pnpm bench:all`: run the benchmark, write reports/<timestamp>/ and point reports/latest at it.
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { REPO_ROOT, stopAllServers } from '@mcp-runtimes/registry';
import { writeReport, linkLatest } from './report/write.js';
import { hasFailures, type BenchResults } from './results.js';
import { remoteSettings, runRemote } from './remote/run.js';
import { applyTargetCall } from './remote/target-call.js';
import { runBenchmark } from './runner.js';
import { parseArgs, USAGE } from './settings.js';
import { requireToolchain } from './toolchain.js';

async function main(): Promise<number> {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (options.from) {
    const results = JSON.parse(readFileSync(options.from, 'utf8')) as BenchResults;
    const written = writeReport(results, options.outDir ? resolve(options.outDir) : dirname(resolve(options.from)));
    console.log(`report: ${written.markdown}\n        ${written.html}`);
    return 0;
  }
  const stamp = new Date().toISOString().replace(/[:]/g, '-').replace(/\..+$/, '');
  const dir = options.outDir ? resolve(options.outDir) : join(REPO_ROOT, 'reports', stamp);
  const log = (line: string) => console.log(line);
  let results: BenchResults;
  if (options.targets) {
    let settings;
    let notRun: Record<string, string> = {};
    try {
      settings = remoteSettings(process.argv.slice(2), options.targets, options.eras);
      if (options.call) notRun = applyTargetCall(settings, options.call);
    } catch (error) {
      console.error((error as Error).message);
      return 2;
    }
    results = await runRemote({ settings, targets: options.targets, k6: requireToolchain(['k6']).k6, insecure: options.insecure, log, call: options.call, notRun });
  } else {
    results = await runBenchmark({ settings: options.settings, tools: requireToolchain(), pin: options.pin, log, profileDir: join(dir, 'profiles') });
  }
  const written = writeReport(results, dir);
  if (!options.outDir) linkLatest(dir);
  console.log(`\nreport: ${written.markdown}\n        ${written.html}\n        ${written.json}`);
  const gateFailed = hasFailures(results);
  if (gateFailed) console.log('some servers failed (see "Correctness gate and failures" in the report)');
  return gateFailed ? 1 : 0;
}

// Stopped itself (Ctrl-C, a timeout's SIGTERM), the runner stops the servers it started: they are
// its children and would otherwise keep their ports and cores. Load generators end with their runs.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the servers this run started`);
    void stopAllServers().finally(() => process.exit(128 + constants.signals[signal]));
  });
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
