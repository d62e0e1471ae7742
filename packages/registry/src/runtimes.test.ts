import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runtimeBinary, runtimeEntry, RUNTIMES, v8FlagsEnv } from './runtimes.js';
import { onRuntime, runtimeOf } from './servers.js';

describe('runtimes', () => {
  it.each(RUNTIMES.map((r) => r.name))('%s is installed from packages/runtimes and runs', (name) => {
    expect(runtimeBinary(name), `${name}: pnpm install puts its package in packages/runtimes`).not.toBeNull();
  });

  it('names a server on a runtime, the default runtime by the bare name', () => {
    expect(onRuntime('node-http', 'node24')).toBe('node-http');
    expect(onRuntime('node-http', 'node26')).toBe('node-http@node26');
    expect(runtimeOf('node-http@node26')).toBe('node26');
    expect(runtimeOf('bun')).toBe('bun');
    expect(() => runtimeOf('bun@node24')).toThrow(/bun does not run on node24: it runs on bun/);
    expect(() => runtimeOf('node-http@node18')).toThrow(/unknown runtime "node18"/);
  });

  const capped = RUNTIMES.filter((r) => r.v8Flags !== null).map((r) => r.name);
  it.each(capped)('%s takes V8 flags from its environment: a heap cap ends a script that outgrows it', (name) => {
    const binary = runtimeBinary(name);
    if (binary === null) throw new Error(`${name} is not installed`);
    const grow = 'const kept = []; for (let i = 0; i < 400; i++) kept.push(new Array(131072).fill(i)); console.log(kept.length);';
    const args = runtimeEntry(name).engine === 'deno' ? ['eval', grow] : ['-e', grow];
    const uncapped = spawnSync(binary, args, { encoding: 'utf8', timeout: 30_000 });
    expect(uncapped.stdout.trim(), uncapped.stderr).toBe('400');
    const run = spawnSync(binary, args, { encoding: 'utf8', timeout: 30_000, env: { ...process.env, ...v8FlagsEnv(runtimeEntry(name), ['--max-old-space-size=32'], process.env) } });
    expect(run.status, run.stderr.slice(0, 300)).not.toBe(0);
    expect(run.stdout.trim()).toBe('');
  });

  it("adds V8 flags to the variable's flags already set, with the variable's separator", () => {
    const flags = ['--max-old-space-size=64', '--max-semi-space-size=4'];
    expect(v8FlagsEnv(runtimeEntry('node24'), flags, { NODE_OPTIONS: '--import x.mjs' })).toEqual({ NODE_OPTIONS: '--import x.mjs --max-old-space-size=64 --max-semi-space-size=4' });
    expect(v8FlagsEnv(runtimeEntry('deno'), flags, { DENO_V8_FLAGS: '--expose-gc' })).toEqual({ DENO_V8_FLAGS: '--expose-gc,--max-old-space-size=64,--max-semi-space-size=4' });
    expect(v8FlagsEnv(runtimeEntry('bun'), flags, {})).toEqual({});
  });
});
