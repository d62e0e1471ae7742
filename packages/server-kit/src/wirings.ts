import { createOfficialWiring } from './official-wiring.js';

/** Handles one POST to the MCP endpoint; routing, guards and limits have already run. */
export type McpHandler = (request: Request) => Promise<Response>;

export interface WiringOptions {
  maxBodyBytes: number;
}

/** MCP wirings by name: how an HTTP request meets the SDK. Servers pick one with MCP_WIRING. */
export const WIRINGS = {
  official: createOfficialWiring,
} satisfies Record<string, (options: WiringOptions) => McpHandler>;

export type WiringName = keyof typeof WIRINGS;
export const WIRING_NAMES = Object.keys(WIRINGS) as WiringName[];
