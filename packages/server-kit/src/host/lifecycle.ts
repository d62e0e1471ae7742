import type { Server } from 'node:http';
import type { Endpoint } from '../core/endpoint.js';

/** One socket a server listens on, as the shutdown sequence needs it. */
export interface Listener {
  url: string;
  /** What it speaks, printed after the URL, e.g. "h2c". */
  label?: string;
  /** Stop accepting connections; must not wait for open ones. */
  stopAccepting(): void;
  /**
   * Called once nothing is in flight: close idle connections, let the ones still writing a
   * response finish it (responses during shutdown carry `Connection: close`), resolve when
   * every connection is closed.
   */
  finish(): Promise<void>;
  /** At the deadline: close every connection now. */
  closeConnections(): void;
  /** At the deadline: what is still open, for the log (why a drained server could not finish). */
  stillOpen?(): string;
}

/** The Listener of a node:http server (node-http, and Hono's @hono/node-server). */
export function httpServerListener(server: Server, url: string): Listener {
  let closed: Promise<void> = Promise.resolve();
  return {
    url,
    // close() also closes idle keep-alive connections; ones with a response pending stay.
    stopAccepting: () => void (closed = new Promise((resolve) => server.close(() => resolve()))),
    finish: () => {
      server.closeIdleConnections();
      return closed;
    },
    closeConnections: () => server.closeAllConnections(),
  };
}

export function endpointUrl(scheme: string, host: string, port: number, path: string): string {
  const hostPart = host.includes(':') ? `[${host}]` : host;
  return `${scheme}://${hostPart}:${port}${path}`;
}

/** The one line a server prints when ready; tools wait for it and read the URLs from it. */
export function readyLine(runtime: string, listeners: readonly Listener[]): string {
  const urls = listeners.map((l) => (l.label ? `${l.url} (${l.label})` : l.url));
  return `${runtime} listening on ${urls.join(' and ')}`;
}

/**
 * Prints the ready line and exits cleanly on SIGTERM/SIGINT: stop accepting, let every
 * in-flight request finish and its response be written, close connections, exit 0; exit 1 if
 * the deadline passes first.
 */
export function serveUntilSignalled(
  runtime: string,
  endpoint: Endpoint,
  listeners: readonly Listener[],
  shutdownTimeoutMs: number,
): void {
  console.log(readyLine(runtime, listeners));
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${runtime} received ${signal}: draining ${endpoint.inFlight} in-flight request(s)`);
    const deadline = setTimeout(() => {
      const open = listeners.flatMap((l) => (l.stillOpen ? [`${l.url}: ${l.stillOpen()}`] : []));
      console.error(
        `${runtime} shutdown deadline of ${shutdownTimeoutMs} ms passed with ${endpoint.inFlight} in flight` +
          (open.length > 0 ? `; still open: ${open.join('; ')}` : ''),
      );
      for (const listener of listeners) listener.closeConnections();
      process.exit(1);
    }, shutdownTimeoutMs);
    for (const listener of listeners) listener.stopAccepting();
    await endpoint.drain();
    await Promise.all(listeners.map((listener) => listener.finish()));
    clearTimeout(deadline);
    // The load client compares its own count of complete answers with this one: zero lost.
    const { accepted, answered, shed } = endpoint.counts;
    console.log(`${runtime} stopped: accepted ${accepted} MCP request(s), answered ${answered}, shed ${shed}`);
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
