import type { Server } from 'node:http';
import { processUsage } from './process-usage.js';

/**
 * What a peer (another stack's MCP server, measured beside ours) takes from us so that it is
 * measured as our servers are: /health with the process's CPU and memory, which the benchmark
 * reads around every run, and a SIGTERM that drains in-flight calls. Nothing of the MCP path:
 * imported as `@mcp-runtimes/server-kit/peer-hosting`, it loads none of our core into the peer.
 */
/** Where a peer listens and how long its drain waits: what the benchmark and the suites set in its environment. */
export interface PeerSettings {
  host: string;
  /** 0 asks the OS for a free port. */
  port: number;
  mcpPath: `/${string}`;
  /** How long SIGTERM waits for in-flight requests before it closes their connections. */
  shutdownTimeoutMs: number;
}

export function peerSettings(defaultPort: number, env: NodeJS.ProcessEnv = process.env): PeerSettings {
  return {
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? defaultPort),
    mcpPath: (env.MCP_PATH ?? '/mcp') as `/${string}`,
    shutdownTimeoutMs: Number(env.MCP_SHUTDOWN_TIMEOUT_MS ?? 10_000),
  };
}

/** One clear line and exit 1 when a peer cannot listen, instead of a stack trace. */
export function failListen(runtime: string, { host, port }: PeerSettings, error: Error): never {
  console.error(`${runtime} could not listen on ${host}:${port}: ${error.message}`);
  process.exit(1);
}

export function peerHealth(runtime: string): { status: 'ok'; runtime: string; process: ReturnType<typeof processUsage> } {
  return { status: 'ok', runtime, process: processUsage() };
}

/**
 * On SIGTERM or SIGINT: stop accepting, let in-flight requests finish, exit 0. A keep-alive
 * connection is closed as soon as it is idle (close() alone closes only those idle at the time;
 * the others would wait out their keep-alive timeout); connections still busy at the deadline
 * are closed, and the exit code is then 1, as our servers' is, since requests were cut. A
 * second signal while draining changes nothing.
 */
export function drainOnSignal(runtime: string, server: Server, timeoutMs: number): void {
  let draining = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (draining) return;
    draining = true;
    console.log(`${runtime} received ${signal}: draining`);
    let cut = false;
    setTimeout(() => {
      cut = true;
      console.error(`${runtime} shutdown deadline of ${timeoutMs} ms passed: closing the connections still busy`);
      server.closeAllConnections();
    }, timeoutMs).unref();
    setInterval(() => server.closeIdleConnections(), 50).unref();
    server.close(() => process.exit(cut ? 1 : 0));
    server.closeIdleConnections();
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
