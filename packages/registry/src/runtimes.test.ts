import { describe, expect, it } from 'vitest';
import { runtimeBinary, RUNTIMES } from './runtimes.js';
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

});
