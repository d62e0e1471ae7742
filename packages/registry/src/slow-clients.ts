/**
 * How a server's HTTP stack treats a client that trickles in, where the runtime decides it and
 * the server cannot: measured facts, which the slow-clients suite holds true and the report lists.
 * A server that declares nothing cuts off headers at MCP_HEADERS_TIMEOUT_MS and closes the
 * connection after the 408 for a body that trickles in.
 */
export interface SlowClientCutoffs {
  /** Headers that trickle in are cut off by the runtime's own deadline, or never. */
  headers?: FixedDeadline | { never: string };
  /** After the 408 for a body that trickles in, the runtime leaves the connection open until the client closes it. */
  bodyConnectionLeftOpen?: string;
}

/** A deadline compiled into the stack, checked by a sweep: the window it was measured in. */
export interface FixedDeadline {
  fixedMs: number;
  /** Earliest and latest cut-off seen, as offsets from fixedMs (a sweep makes it imprecise). */
  earlyMs: number;
  lateMs: number;
  why: string;
}

/**
 * uSockets (under uWebSockets.js and Bun) cuts off slow headers at its own fixed 10 s, checked
 * by a 4 s sweep: measured 8.2-12.0 s here idle or with every core busy, once 19.4 s in CI with
 * another package's tests beside it. The window proves the cut-off, not its precision.
 */
export const USOCKETS_HEADERS_DEADLINE: FixedDeadline = {
  fixedMs: 10_000,
  earlyMs: 4500,
  lateMs: 14_000,
  why: 'uSockets cuts off slow headers at a fixed 10 s (a 4 s sweep), not configurable from JavaScript',
};
