// Target and load settings, all from __ENV so the runner (or a user) sets them per run:
//   k6 run -e BASE_URL=https://127.0.0.1:3002/mcp -e MODE=open -e RATE=500 simple-tool.js
export const BASE_URL = __ENV.BASE_URL || 'http://127.0.0.1:3001/mcp';

/**
 * `/health` on the same origin as the MCP endpoint (setup() refuses an unhealthy target). `none`:
 * the server has no /health, and is measured without its own CPU time and memory.
 */
export const HEALTH_URL = __ENV.HEALTH_URL || `${(BASE_URL.match(/^https?:\/\/[^/]+/) || [BASE_URL])[0]}/health`;
export const NO_HEALTH = HEALTH_URL === 'none';

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

/**
 * Another server's own tool, for a server without this project's surface: TOOL names it,
 * TOOL_ARGS (a JSON object, default {}) are its arguments, EXPECT_TEXT is text its answer must
 * hold, RESOURCE_URI a resource it serves. Unset (null): every scenario calls agent_task with its
 * own arguments and checks the whole body, and the scenarios that need the project's other tools run.
 */
export const CUSTOM_TOOL = customTool();

function customTool() {
  const name = __ENV.TOOL || '';
  if (name === '') {
    const stray = ['TOOL_ARGS', 'EXPECT_TEXT', 'RESOURCE_URI'].filter((key) => __ENV[key]);
    if (stray.length > 0) throw new Error(`${stray.join(', ')} apply with TOOL only (the tool to call)`);
    return null;
  }
  let args;
  try {
    args = JSON.parse(__ENV.TOOL_ARGS || '{}');
  } catch (error) {
    throw new Error(`TOOL_ARGS is not JSON: ${error.message}`);
  }
  if (args === null || typeof args !== 'object' || Array.isArray(args)) throw new Error(`TOOL_ARGS must be a JSON object, got ${__ENV.TOOL_ARGS}`);
  return { name, args, expectText: __ENV.EXPECT_TEXT || '', resourceUri: __ENV.RESOURCE_URI || '' };
}

/** Where handleSummary writes its JSON (the runner reads it); none: stdout only. */
export const SUMMARY_PATH = __ENV.SUMMARY_PATH || '';

export function intEnv(name, fallback) {
  const raw = __ENV[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}
