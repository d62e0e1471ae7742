import type { Listener } from '../host/lifecycle.js';

/** What a fetch-based server (Bun.serve, Deno.serve) can do at shutdown. */
export interface FetchServerControls {
  /** Stop accepting; resolves once every connection has closed (the runtime lets pending responses finish). */
  stopAccepting(): Promise<void>;
  /** At the deadline: close every connection now. */
  closeConnections(): void;
}

/** The Listener of a fetch-based server: the runtime's own graceful stop does the draining. */
export function fetchListener(url: string, controls: FetchServerControls): Listener {
  let closed: Promise<void> = Promise.resolve();
  return {
    url,
    stopAccepting: () => void (closed = controls.stopAccepting().catch(() => {})),
    finish: () => closed,
    closeConnections: () => controls.closeConnections(),
  };
}

/** A fetch server's last resort when its handler throws: a JSON-RPC error, never a stack trace. */
export function internalErrorResponse(error: unknown): Response {
  console.error(`internal error while answering: ${(error as Error)?.message ?? String(error)}`);
  return new Response('{"jsonrpc":"2.0","error":{"code":-32603,"message":"Internal error"},"id":null}', {
    status: 500,
    headers: { 'content-type': 'application/json' },
  });
}
