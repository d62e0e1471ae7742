import type { Incoming, Reply } from './exchange.js';
import { createOfficialWiring, createSharedValidatorWiring } from './official-wiring.js';
import { createTunedWiring, createTunedWebWiring } from './tuned-wiring.js';

/** Handles one POST to the MCP endpoint; routing, guards and limits have already run. */
export type McpHandler = (incoming: Incoming) => Promise<Reply>;

export interface WiringOptions {
  maxBodyBytes: number;
}

/**
 * MCP wirings by name: how an HTTP request meets the SDK. Servers pick one with MCP_WIRING.
 * `official` and `tuned` are the two a user chooses between; the two in between are the
 * benchmark's ablation steps (each adds one change to the one before).
 */
export const WIRINGS = {
  /** The SDK's documented stateless idiom: a new server and transport per request. */
  official: createOfficialWiring,
  /** official + one JSON Schema validator shared by every request's server. */
  'official-shared-validator': createSharedValidatorWiring,
  /** One long-lived server behind a transport that routes each reply to its own HTTP request; web Request/Response in and out. */
  'tuned-web': createTunedWebWiring,
  /** tuned-web without the web Request/Response: headers and body text straight from the native request. */
  tuned: createTunedWiring,
} satisfies Record<string, (options: WiringOptions) => McpHandler>;

export type WiringName = keyof typeof WIRINGS;
export const WIRING_NAMES = Object.keys(WIRINGS) as WiringName[];
