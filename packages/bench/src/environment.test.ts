import { describe, expect, it } from 'vitest';
import { engineFlags } from './environment.js';

describe('the engine flags a run records', () => {
  it('names, per runtime measured, the flags its servers inherit from the environment, or none', () => {
    const env = { NODE_OPTIONS: ' --max-semi-space-size=64 ', DENO_V8_FLAGS: '' };
    expect(engineFlags(['node24', 'node26', 'deno', 'bun'], env)).toEqual({
      node24: 'NODE_OPTIONS=--max-semi-space-size=64',
      node26: 'NODE_OPTIONS=--max-semi-space-size=64',
      deno: 'none',
      bun: 'none it reads from the environment',
    });
    expect(engineFlags(['node24'], {})).toEqual({ node24: 'none' });
  });
});
