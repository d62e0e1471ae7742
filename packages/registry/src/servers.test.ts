import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, SERVERS, STDIO_SERVER, serverEntry, serverMain, stdioMain } from './servers.js';

describe('registry', () => {
  it.each(SERVERS.map((s) => s.name))('%s has a server package whose start script runs its main', (name) => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'servers', name, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.start).toBe('node dist/main.js');
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

  it('refuses an unknown server by name, listing the known ones', () => {
    expect(() => serverEntry('express')).toThrow(/unknown server "express": known are node-http, node-http2, hono, uws/);
  });
});
