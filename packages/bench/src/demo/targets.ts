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
