// Runs a load generator (k6, wrk, h2load) as a child process pinned to its core, and measures
// the CPU it used: a generator near 100% of its core is the bottleneck, not the server.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface GeneratorRun {
  code: number | null;
  stdout: string;
  stderr: string;
  wallSeconds: number;
  cpuSeconds: number;
}

/**
 * `bash -c 'cmd; times'`: the shell's children times are exactly the generator's CPU, read
 * after it exited (sampling /proc would miss its last moments).
 */
export async function runGenerator(
  command: readonly string[],
  options: { prefix?: readonly string[]; env?: Record<string, string>; cwd?: string; timeoutMs: number },
): Promise<GeneratorRun> {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-bench-gen-'));
  const timesFile = join(dir, 'times');
  const script = '"$@"; rc=$?; times > "$TIMES_FILE"; exit $rc';
  const started = performance.now();
  const child = spawn('bash', ['-c', script, 'generator', ...(options.prefix ?? []), ...command], {
    env: { ...process.env, ...options.env, TIMES_FILE: timesFile },
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c) => resolve(c));
  });
  clearTimeout(timer);
  const wallSeconds = (performance.now() - started) / 1000;
  let cpuSeconds = 0;
  try {
    cpuSeconds = parseTimes(readFileSync(timesFile, 'utf8'));
  } catch {
    // killed before `times` ran: no figure rather than a wrong one
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { code, stdout, stderr, wallSeconds, cpuSeconds };
}

/** bash `times`: line 1 the shell's user/sys, line 2 its children's (`0m1.234s 0m0.056s`). */
export function parseTimes(output: string): number {
  const children = output.trim().split('\n')[1] ?? '';
  return [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0);
}
