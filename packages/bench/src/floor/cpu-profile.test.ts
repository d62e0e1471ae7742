import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageOf } from './cpu-profile.js';
import { measureFloor } from './mcp-floor.js';

const dir = mkdtempSync(join(tmpdir(), 'floor-profile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('packageOf', () => {
  it('names the package a script is in, scoped names whole, the last node_modules winning', () => {
    expect(packageOf('file:///r/node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/parse.js')).toBe('zod');
    expect(packageOf('file:///r/node_modules/.pnpm/@modelcontextprotocol+sdk@1.32.2/node_modules/@modelcontextprotocol/sdk/dist/esm/shared/protocol.js')).toBe('@modelcontextprotocol/sdk');
    expect(packageOf('file:///r/packages/server-kit/dist/core/endpoint.js')).toBe('ours');
    expect(packageOf('node:internal/streams/readable')).toBe('node');
    expect(packageOf('')).toBe('V8');
  });
});

describe('a profiled floor', () => {
  it("keeps the profile and names the SDK's packages among where the handler's time went", async () => {
    const file = join(dir, 'floor-tuned.cpuprofile');
    const floor = await measureFloor({ wiring: 'tuned', seconds: 0.5, inFlight: 10, warmupSeconds: 0.2, profile: file });
    expect(existsSync(file)).toBe(true);
    expect((JSON.parse(readFileSync(file, 'utf8')) as { nodes: unknown[] }).nodes.length).toBeGreaterThan(10);
    expect(floor.profile?.samples).toBeGreaterThan(100);
    expect(floor.profile?.topFrames.length).toBeGreaterThan(5);
    const packages = floor.profile?.packages.map((p) => p.package) ?? [];
    expect(packages).toEqual(expect.arrayContaining(['@modelcontextprotocol/sdk', 'zod', 'ours']));
    const total = floor.profile?.packages.reduce((sum, p) => sum + p.selfShare, 0) ?? 0;
    expect(total).toBeGreaterThan(0.98);
    expect(total).toBeLessThan(1.02);
  });
});
