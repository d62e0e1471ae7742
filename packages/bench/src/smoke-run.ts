// Runs the benchmark CLI for real into a fresh folder, echoing its log: what the smoke tests check.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchResults } from './results.js';

const CLI = new URL('../dist/cli.js', import.meta.url);

export interface SmokeRun {
  code: number | null;
  log: string;
  seconds: number;
  out: string;
  /** The run's results.json (call after checking `code`). */
  results(): BenchResults;
}

export async function runCli(args: readonly string[]): Promise<SmokeRun> {
  const out = mkdtempSync(join(tmpdir(), 'mcp-bench-smoke-'));
  const started = Date.now();
  const child = spawn(process.execPath, [CLI.pathname, ...args, '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => {
    log += c;
    process.stdout.write(c);
  });
  child.stderr.setEncoding('utf8').on('data', (c: string) => (log += c));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return {
    code,
    log,
    seconds: (Date.now() - started) / 1000,
    out,
    results: () => JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as BenchResults,
  };
}
