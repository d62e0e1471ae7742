import type { ServerOptions } from 'node:http';
import type { ServerConfig } from '../host/config.js';

/**
 * The slow-client deadlines as node:http server options (node-http, and Hono's
 * @hono/node-server): Node answers 408 and closes. Node checks them every
 * `connectionsCheckingInterval` (30 s by default), which would let a 1 s deadline slip to 31 s.
 */
export function nodeHttpTimeouts(config: ServerConfig): ServerOptions {
  const shortest = Math.min(...[config.headersTimeoutMs, config.requestTimeoutMs].filter((ms) => ms > 0));
  return {
    headersTimeout: config.headersTimeoutMs,
    requestTimeout: config.requestTimeoutMs,
    // Idle kept-alive connections close after the headers deadline too, as on the other stacks.
    keepAliveTimeout: config.headersTimeoutMs,
    connectionsCheckingInterval: Number.isFinite(shortest) ? Math.min(1000, Math.max(50, Math.floor(shortest / 4))) : 30_000,
  };
}
