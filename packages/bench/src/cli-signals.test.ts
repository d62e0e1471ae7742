import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** The processes `pid` started (Linux: its main thread's children). */
function childrenOf(pid: number): number[] {
  const file = `/proc/${pid}/task/${pid}/children`;
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number) : [];
}

const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));

describe('pnpm bench:all, stopped', () => {
  it('stops the server it started when it gets SIGTERM, and exits 143', async () => {
    const out = mkdtempSync(join(tmpdir(), 'bench-signal-'));
    const runner = spawn(process.execPath, [CLI, '--quick', '--servers', 'node-http', '--peers', 'none', '--scenarios', 'saturation', '--reliability', 'none', '--saturation', '30', '--no-pin', '--out', out], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    runner.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    runner.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => runner.once('exit', (code) => resolve(code)));
    // The gate has passed: the server is running and the 30 s saturation run has begun.
    const deadline = Date.now() + 30_000;
    while (!/gate passed/.test(output)) {
      if (Date.now() > deadline) throw new Error(`the run never passed its gate:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const server = childrenOf(runner.pid as number).find((pid) => /servers\/node-http|node-http/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8')));
    expect(server, `a node-http child of the runner:\n${output}`).toBeDefined();
    runner.kill('SIGTERM');
    expect(await exited, output).toBe(143);
    expect(output).toContain('SIGTERM: stopping the servers this run started');
    expect(alive(server as number), 'the server outlived the runner').toBe(false);
  }, 60_000);
});
