import type { Incoming, Reply } from './exchange.js';
import { createOfficialWiring, createSharedValidatorWiring } from './official-wiring.js';
import { createTunedListenerWiring, createTunedWiring, createTunedWebWiring } from './tuned-wiring.js';
import { createV2OfficialWiring, createV2TunedWiring } from './v2-wiring.js';

/** Handles one POST to the MCP endpoint; routing, guards and limits have already run. */
export type McpHandler = (incoming: Incoming) => Promise<Reply>;

export interface WiringOptions {
  maxBodyBytes: number;
}

/**
 * MCP wirings by name: how an HTTP request meets the SDK. Servers pick one with MCP_WIRING.
 * `official` and `tuned` are the two a user chooses between on SDK v1, `v2-official` and
 * `v2-tuned` on SDK v2; the three v1 ones in between are the benchmark's ablation steps (each adds
 * one change to the one before).
 */
export const WIRINGS = {
  /** The SDK's documented stateless idiom: a new server and transport per request. */
  official: createOfficialWiring,
  /** official + one JSON Schema validator shared by every request's server. */
  'official-shared-validator': createSharedValidatorWiring,
  /** One long-lived server behind a transport that routes each reply to its own HTTP request; web Request/Response in and out. */
  'tuned-web': createTunedWebWiring,
  /** tuned-web without the web Request/Response: headers and body text straight from the native request. */
  'tuned-listener': createTunedListenerWiring,
  /** tuned-listener with each request handed to the SDK's request handling, past the listener's response guards. */
  tuned: createTunedWiring,
  /** SDK v2 (protocol 2026-07-28 and the 2025 era on one endpoint) as documented: createMcpHandler, a server per request. */
  'v2-official': createV2OfficialWiring,
  /** SDK v2 with pooled long-lived servers, one exchange each at a time; 2025 answers as JSON. */
  'v2-tuned': createV2TunedWiring,
} satisfies Record<string, (options: WiringOptions) => McpHandler>;

export type WiringName = keyof typeof WIRINGS;
export const WIRING_NAMES = Object.keys(WIRINGS) as WiringName[];

/** The SDK a wiring runs on: v1 `@modelcontextprotocol/sdk`, v2 `@modelcontextprotocol/server`. */
export function sdkOf(wiring: WiringName): 'v1' | 'v2' {
  return wiring.startsWith('v2-') ? 'v2' : 'v1';
}
