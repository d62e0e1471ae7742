import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagedCommand } from './launch.js';
import { describe, expect, it } from 'vitest';
import { entryOf, PEERS, peerCommand, peerEntry } from './peers.js';
import { isOurServer, REPO_ROOT, SERVERS, STDIO_SERVER, serverEntry, serverMain, stdioMain } from './servers.js';

describe('registry', () => {
  it.each(SERVERS.map((s) => s.name))('%s has a server package whose start script runs its main', (name) => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'servers', name, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    // Its default runtime's pinned binary, as the package depends on it, then its main.
    expect(pkg.scripts.start).toBe(packagedCommand(name).join(' '));
    expect(serverMain(name)).toBe(join(REPO_ROOT, 'servers', name, 'dist', 'main.js'));
    expect(existsSync(join(REPO_ROOT, 'servers', name, 'src', 'main.ts'))).toBe(true);
  });

  it('knows the stdio entry, which is not an HTTP runtime', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'servers', STDIO_SERVER.name, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.start).toBe('node dist/main.js');
    expect(stdioMain()).toBe(join(REPO_ROOT, 'servers', 'stdio', 'dist', 'main.js'));
  });

  it('lists every folder under servers/ (the HTTP runtimes, and the stdio entry)', async () => {
    const { readdirSync } = await import('node:fs');
    const folders = readdirSync(join(REPO_ROOT, 'servers'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect([...SERVERS.map((s) => s.name), STDIO_SERVER.name].sort()).toEqual(folders);
  });

  it.each(SERVERS.map((s) => s.name))('%s has a raw JSON echo and listeners for load and saturation', (name) => {
    const entry = serverEntry(name);
    expect(existsSync(join(REPO_ROOT, 'servers', name, 'src', 'echo.ts'))).toBe(true);
    expect(entry.listeners).toContain(entry.loadListener);
    expect(entry.listeners).toContain(entry.saturationListener);
  });

  it('tells our servers, on any runtime, from peers and --target labels', () => {
    expect(isOurServer('node-http')).toBe(true);
    expect(isOurServer('node-http@node26')).toBe(true);
    expect(isOurServer('hono-mcp')).toBe(false);
    expect(isOurServer('my-deployment')).toBe(false);
  });

  it('refuses an unknown server by name, listing the known ones', () => {
    expect(() => serverEntry('koa')).toThrow(/unknown server "koa": known are node-http, node-http2, hono, express, fastify, uws, bun, deno/);
  });
});

describe('peers', () => {
  it.each(PEERS.map((p) => p.name))('%s is a folder under peers/ whose command names a file there, with listeners for load and saturation', (name) => {
    const entry = peerEntry(name) as NonNullable<ReturnType<typeof peerEntry>>;
    expect(existsSync(join(REPO_ROOT, 'peers', name))).toBe(true);
    const program = entry.command.find((part) => part.startsWith(`peers/${name}/`));
    expect(program, `${name}'s command runs a file of its own folder`).toBeDefined();
    expect(entry.listeners).toContain(entry.loadListener);
    expect(entry.listeners).toContain(entry.saturationListener);
    expect(peerCommand(entry).every((part) => !part.startsWith('peers/'))).toBe(true);
  });

  it('names no peer like a server, and declares each difference once per check and suite', () => {
    expect(PEERS.filter((p) => SERVERS.some((s) => s.name === p.name))).toEqual([]);
    for (const peer of PEERS) {
      const checks = peer.differences.map((d) => `${d.check}|${d.only ?? ''}`);
      expect(new Set(checks).size, peer.name).toBe(checks.length);
      for (const d of peer.differences) expect(d.check, peer.name).toMatch(/^(contract|bad-input): /);
    }
  });

  it('finds a server or a peer by name, listing both when the name is unknown', () => {
    expect(entryOf('py-uvicorn').name).toBe('py-uvicorn');
    expect(entryOf('uws').name).toBe('uws');
    expect(() => entryOf('koa')).toThrow(/known are node-http, .* and the peers py-uvicorn, py-hypercorn, fastmcp, hono-mcp/);
  });
});
