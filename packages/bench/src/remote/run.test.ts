import { describe, expect, it } from 'vitest';
import { DEMO_SCENARIOS } from '../demo/plan.js';
import { parseArgs } from '../settings.js';
import { protocolOf, REMOTE_WIRING, remoteSettings, remoteVariant } from './run.js';

const TARGETS = { prod: 'https://mcp.example.com/mcp', canary: 'http://127.0.0.1:3001/mcp' };

describe('remote targets', () => {
  it('parses --target (repeatable) and --insecure, and refuses a name given twice', () => {
    const o = parseArgs(['--target', 'prod=https://mcp.example.com/mcp', '--target', 'canary=http://127.0.0.1:3001/mcp', '--insecure']);
    expect(o.targets).toEqual(TARGETS);
    expect(o.insecure).toBe(true);
    expect(parseArgs([]).targets).toBeNull();
    expect(() => parseArgs(['--target', 'a=http://h/mcp', '--target', 'a=http://i/mcp'])).toThrow(/"a" is named twice/);
    expect(parseArgs(['--target', 'a=http://h/mcp']).eras).toEqual(['2025-11-25']);
    expect(parseArgs(['--target', 'a=http://h/mcp', '--protocol', '2026-07-28,2025-11-25']).eras).toEqual(['2026-07-28', '2025-11-25']);
    expect(() => parseArgs(['--target', 'a=http://h/mcp', '--protocol', '2024-11-05'])).toThrow(/unknown MCP revision/);
    expect(() => parseArgs(['--protocol', '2026-07-28'])).toThrow(/--target only/);
    expect(() => parseArgs(['--insecure'])).toThrow(/--target only/);
    expect(() => parseArgs(['--target'])).toThrow(/needs a value/);
  });

  it('measures the targets, in the order given, in the k6 scenarios only, with bench:all flags', () => {
    const args = ['--target', 'prod=https://mcp.example.com/mcp,canary=http://127.0.0.1:3001/mcp', '--insecure', '--repeats', '2', '--duration', '7'];
    const s = remoteSettings(args, TARGETS);
    expect(s.servers).toEqual(['prod', 'canary']);
    expect(s.scenarios).toEqual(DEMO_SCENARIOS);
    expect(s.wirings).toEqual([REMOTE_WIRING]);
    expect(s.compare).toEqual([]);
    expect(s.peers).toEqual([]);
    expect(s.studies.studies).toEqual([]);
    expect(s.reliability.checks).toEqual([]);
    expect([s.repeats, s.durationSeconds]).toEqual([2, 7]);
    expect(s.command).toBe(`pnpm bench:all ${args.join(' ')}`);
    expect(remoteSettings(['--scenarios', 'agents', '--quick'], TARGETS).scenarios).toEqual(['agents']);
    // Each revision is a variant of its own, gated and measured; the first the report's primary.
    const both = remoteSettings([...args, '--protocol', '2026-07-28,2025-11-25'], TARGETS, ['2026-07-28', '2025-11-25']);
    expect(both.wirings).toEqual([remoteVariant('2026-07-28'), REMOTE_WIRING]);
    expect(both.repeats).toBe(2);
  });

  it('refuses what needs servers the runner starts', () => {
    for (const flag of ['--servers uws', '--peers all', '--wirings official', '--compare none', '--no-pin']) {
      expect(() => remoteSettings(flag.split(' '), TARGETS), flag).toThrow(/only apply to servers the runner starts/);
    }
    expect(() => remoteSettings(['--scenarios', 'saturation'], TARGETS)).toThrow(/k6 scenarios only/);
    expect(() => remoteSettings(['--scenarios', 'latency'], TARGETS)).toThrow(/k6 scenarios only/);
    expect(() => remoteSettings(['--studies', 'layers'], TARGETS)).toThrow(/studies and reliability checks/);
  });

  it('labels the protocol by what k6 can know of it', () => {
    expect(protocolOf('http://h:1/mcp')).toBe('http1');
    expect(protocolOf('https://h/mcp')).toBe('tls (h2 if offered)');
  });
});
