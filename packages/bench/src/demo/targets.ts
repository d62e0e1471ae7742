// Where the docker-compose demo's k6 container reaches each server: its compose service, named
// after the server, on one port inside the private network. docker-compose.yml is checked
// against this (compose.test.ts), so the two cannot drift.
import { SERVERS, type ServerEntry } from '@mcp-runtimes/registry';

/** The port every server listens on inside its container. */
export const DEMO_PORT = 3000;

/** k6's target: the load listener (TLS with a self-made certificate for node:http2). */
export function demoUrl(entry: ServerEntry): string {
  return `${entry.loadListener === 'h2-tls' ? 'https' : 'http'}://${entry.name}:${DEMO_PORT}/mcp`;
}

export function demoTargets(): Record<string, string> {
  return Object.fromEntries(SERVERS.map((s) => [s.name, demoUrl(s)]));
}

/**
 * `name=URL,…` (DEMO_TARGETS, `pnpm bench:all --target`): servers already running, each named for
 * the report and reached at its MCP endpoint over http: or https:.
 */
export function parseTargets(raw: string, what: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const pair of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = pair.indexOf('=');
    const name = pair.slice(0, at);
    const url = pair.slice(at + 1);
    if (at < 1 || url === '') throw new Error(`${what}: "${pair}" is not name=URL`);
    // The name becomes a file name and a report label: kept to what is safe for both.
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/.test(name)) throw new Error(`${what}: name "${name}" may hold letters, digits, '.', '_' and '-' only`);
    if (name in found) throw new Error(`${what}: "${name}" is named twice`);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`${what}: "${url}" is not a URL`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`${what}: "${url}" is not http: or https:`);
    if (parsed.search || parsed.hash || parsed.username || parsed.password) throw new Error(`${what}: "${url}" must be a plain endpoint URL (no query, fragment or credentials)`);
    found[name] = url;
  }
  if (Object.keys(found).length === 0) throw new Error(`${what}: no target given (name=URL,…)`);
  return found;
}
