import { describe, expect, it } from 'vitest';
import { configsOf } from './runner.js';
import { parseArgs } from './settings.js';

describe('the configurations a round starts', () => {
  const settings = parseArgs(['--compare', 'official,v2-tuned']).settings;

  it('measures ours in every scenario in the main wiring, and the compared wirings at saturation and in the headline', () => {
    expect(configsOf('node-http', settings, 1, true)).toEqual([
      { name: 'node-http', wiring: 'tuned', saturationOnly: false, peer: false },
      { name: 'node-http', wiring: 'official', saturationOnly: true, peer: false },
      { name: 'node-http', wiring: 'v2-tuned', saturationOnly: true, peer: false },
    ]);
    expect(configsOf('node-http', settings, 1, false).map((c) => c.wiring)).toEqual(['tuned']);
  });

  it('turns the order of wirings each round', () => {
    expect(configsOf('node-http', settings, 2, true).map((c) => c.wiring)).toEqual(['official', 'v2-tuned', 'tuned']);
    expect(configsOf('node-http', settings, 4, true).map((c) => c.wiring)).toEqual(['tuned', 'official', 'v2-tuned']);
  });

  it('measures a server on another runtime in its main wirings, at saturation and in the headline only', () => {
    expect(configsOf('node-http@node26', settings, 1, true)).toEqual([{ name: 'node-http@node26', wiring: 'tuned', saturationOnly: true, peer: false }]);
  });

  it('measures a peer in its own configuration, in every scenario', () => {
    expect(configsOf('fastmcp', settings, 1, true)).toEqual([{ name: 'fastmcp', wiring: 'own', saturationOnly: false, peer: true }]);
  });
});
