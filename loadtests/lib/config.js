// Target and load settings, all from __ENV so the runner (or a user) sets them per run:
//   k6 run -e BASE_URL=https://127.0.0.1:3002/mcp -e MODE=open -e RATE=500 simple-tool.js
export const BASE_URL = __ENV.BASE_URL || 'http://127.0.0.1:3001/mcp';

/** `/health` on the same origin as the MCP endpoint (setup() refuses an unhealthy target). */
export const HEALTH_URL = __ENV.HEALTH_URL || `${(BASE_URL.match(/^https?:\/\/[^/]+/) || [BASE_URL])[0]}/health`;

/** `open` (constant arrival rate), `closed` (constant VUs) or `gate` (one checked iteration). */
export const MODE = __ENV.MODE || '';
export const DURATION = __ENV.DURATION || '10s';

/**
 * The MCP era spoken: 2025-11-25 (the default; stateless calls with MCP-Protocol-Version) or
 * 2026-07-28 (every request carries its _meta claims and Mcp-Method/Mcp-Name headers; no
 * initialize). Only SDK v2 servers speak 2026-07-28.
 */
export const PROTOCOL = __ENV.PROTOCOL || '2025-11-25';
if (PROTOCOL !== '2025-11-25' && PROTOCOL !== '2026-07-28') throw new Error(`PROTOCOL must be 2025-11-25 or 2026-07-28, got "${PROTOCOL}"`);
export const MODERN = PROTOCOL === '2026-07-28';
export const RATE = intEnv('RATE', 100);
export const VUS = intEnv('VUS', 10);

/** Where handleSummary writes its JSON (the runner reads it); none: stdout only. */
export const SUMMARY_PATH = __ENV.SUMMARY_PATH || '';

export function intEnv(name, fallback) {
  const raw = __ENV[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}
