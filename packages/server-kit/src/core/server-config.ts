import type { WiringName } from './wirings.js';

/** Everything a server can be told; one definition for every runtime. */
export interface ServerConfig {
  host: string;
  /** 0 asks the OS for a free port; the real URL is printed when ready. */
  port: number;
  mcpPath: string;
  wiring: WiringName;
  /** Request bodies over this are answered 413. */
  maxBodyBytes: number;
  /** Origins allowed besides loopback ones (exact `scheme://host[:port]`). */
  allowedOrigins: string[];
  /** Host headers allowed besides loopback ones; checked only when bound to loopback or when set. */
  allowedHosts: string[];
  /** MCP requests in flight past which new ones are answered 503 with Retry-After at once; 0 = no limit. */
  maxInFlight: number;
  /** A connection must deliver a request's headers within this (slowloris); also the idle time of a kept-alive connection. 0 = no limit. */
  headersTimeoutMs: number;
  /** A request's headers and body must arrive within this, else 408 and the connection is closed. 0 = no limit. */
  requestTimeoutMs: number;
  /** When set, /mcp requires `Authorization: Bearer <token>` (401 with WWW-Authenticate otherwise). */
  authToken: string | undefined;
  /** How long SIGTERM waits for in-flight requests before forcing connections closed. */
  shutdownTimeoutMs: number;
  /** Simulated initialisation before the server listens (a model load, a cache warm-up): cold-start studies. */
  startupDelayMs: number;
  /** node:http2 only: cleartext HTTP/2 listener port, or null for none. */
  h2cPort: number | null;
  /** node:http2 only: PEM files; a self-made localhost certificate is used when unset. */
  tlsCert: string | undefined;
  tlsKey: string | undefined;
}
