import { parseArgs } from 'node:util';
import type { ServerConfig } from '../core/server-config.js';
import { WIRING_NAMES, type WiringName } from '../core/wirings.js';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

interface Option {
  env: string;
  flag: string;
  help: string;
}

export type { ServerConfig };

export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;
export const DEFAULT_MAX_IN_FLIGHT = 256;
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

const OPTIONS = {
  host: { env: 'HOST', flag: 'host', help: 'interface to bind (default 127.0.0.1)' },
  port: { env: 'PORT', flag: 'port', help: 'port; 0 = ephemeral' },
  mcpPath: { env: 'MCP_PATH', flag: 'mcp-path', help: 'path of the MCP endpoint (default /mcp)' },
  wiring: { env: 'MCP_WIRING', flag: 'wiring', help: `MCP wiring: ${WIRING_NAMES.join(', ')} (default official)` },
  maxBodyBytes: { env: 'MCP_MAX_BODY_BYTES', flag: 'max-body-bytes', help: 'largest request body (default 4194304)' },
  allowedOrigins: { env: 'MCP_ALLOWED_ORIGINS', flag: 'allowed-origins', help: 'comma-separated extra allowed Origins' },
  allowedHosts: { env: 'MCP_ALLOWED_HOSTS', flag: 'allowed-hosts', help: 'comma-separated extra allowed Hosts' },
  maxInFlight: { env: 'MCP_MAX_IN_FLIGHT', flag: 'max-in-flight', help: `MCP requests in flight before 503 + Retry-After; 0 = no limit (default ${DEFAULT_MAX_IN_FLIGHT})` },
  headersTimeoutMs: { env: 'MCP_HEADERS_TIMEOUT_MS', flag: 'headers-timeout-ms', help: `deadline for a request's headers, and idle keep-alive; 0 = none (default ${DEFAULT_HEADERS_TIMEOUT_MS})` },
  requestTimeoutMs: { env: 'MCP_REQUEST_TIMEOUT_MS', flag: 'request-timeout-ms', help: `deadline for headers + body, else 408; 0 = none (default ${DEFAULT_REQUEST_TIMEOUT_MS})` },
  authToken: { env: 'MCP_AUTH_TOKEN', flag: 'auth-token', help: 'require "Authorization: Bearer <token>" on the MCP endpoint (prefer the env: flags show in ps)' },
  shutdownTimeoutMs: { env: 'MCP_SHUTDOWN_TIMEOUT_MS', flag: 'shutdown-timeout-ms', help: `drain deadline (default ${DEFAULT_SHUTDOWN_TIMEOUT_MS})` },
  startupDelayMs: { env: 'MCP_STARTUP_DELAY_MS', flag: 'startup-delay-ms', help: 'simulated initialisation before listening (default 0)' },
  h2cPort: { env: 'H2C_PORT', flag: 'h2c-port', help: 'node-http2: h2c port, "off" for none (default PORT+10, or 0 when PORT is 0)' },
  tlsCert: { env: 'TLS_CERT', flag: 'tls-cert', help: 'node-http2: certificate PEM file' },
  tlsKey: { env: 'TLS_KEY', flag: 'tls-key', help: 'node-http2: private key PEM file' },
} satisfies Record<keyof ServerConfig, Option>;

export function usage(runtime: string): string {
  const lines = Object.values(OPTIONS).map((o) => `  --${o.flag.padEnd(22)} ${o.env.padEnd(24)} ${o.help}`);
  return `usage: ${runtime} [options]\n  flag                     env                      meaning\n${lines.join('\n')}`;
}

function integer(name: string, raw: string, min: number, max: number): number {
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`${name} must be an integer, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function list(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Reads the config from the environment, with command-line flags overriding it.
 * Throws ConfigError with a message fit for a person on anything invalid.
 */
export function loadConfig(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  defaults: { port: number },
): ServerConfig {
  let flags: Record<string, string | undefined>;
  try {
    const parsed = parseArgs({
      args: [...argv],
      options: Object.fromEntries(Object.values(OPTIONS).map((o) => [o.flag, { type: 'string' as const }])),
      strict: true,
      allowPositionals: false,
    });
    flags = parsed.values as Record<string, string | undefined>;
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const raw = (key: keyof ServerConfig): string | undefined => {
    const option = OPTIONS[key];
    const value = flags[option.flag] ?? env[option.env];
    return value === '' ? undefined : value;
  };

  const port = integer('PORT', raw('port') ?? String(defaults.port), 0, 65_535);
  const wiring = raw('wiring') ?? 'official';
  if (!(WIRING_NAMES as readonly string[]).includes(wiring)) {
    throw new ConfigError(`MCP_WIRING must be one of ${WIRING_NAMES.join(', ')}, got "${wiring}"`);
  }
  const mcpPath = raw('mcpPath') ?? '/mcp';
  if (!/^\/[A-Za-z0-9._~\-/]*$/.test(mcpPath)) {
    throw new ConfigError(`MCP_PATH must be an absolute URL path, got "${mcpPath}"`);
  }
  if (mcpPath === '/health') throw new ConfigError('MCP_PATH cannot be /health, which is the readiness endpoint');

  const h2cRaw = raw('h2cPort');
  const h2cPort =
    h2cRaw === 'off' ? null : h2cRaw !== undefined ? integer('H2C_PORT', h2cRaw, 0, 65_535) : port === 0 ? 0 : port + 10;
  const tlsCert = raw('tlsCert');
  const tlsKey = raw('tlsKey');
  if ((tlsCert === undefined) !== (tlsKey === undefined)) {
    throw new ConfigError('TLS_CERT and TLS_KEY must be given together');
  }

  const headersTimeoutMs = integer('MCP_HEADERS_TIMEOUT_MS', raw('headersTimeoutMs') ?? String(DEFAULT_HEADERS_TIMEOUT_MS), 0, 3_600_000);
  const requestTimeoutMs = integer('MCP_REQUEST_TIMEOUT_MS', raw('requestTimeoutMs') ?? String(DEFAULT_REQUEST_TIMEOUT_MS), 0, 3_600_000);
  // node:http refuses a headers deadline past the whole request's.
  if (requestTimeoutMs > 0 && (headersTimeoutMs === 0 || headersTimeoutMs > requestTimeoutMs)) {
    throw new ConfigError(
      `MCP_HEADERS_TIMEOUT_MS (${headersTimeoutMs}) must be between 1 and MCP_REQUEST_TIMEOUT_MS (${requestTimeoutMs})`,
    );
  }
  const authToken = raw('authToken');
  if (authToken !== undefined && !/^[A-Za-z0-9\-._~+/]+=*$/.test(authToken)) {
    throw new ConfigError('MCP_AUTH_TOKEN must be a bearer token (letters, digits and -._~+/ only, RFC 6750)');
  }

  return {
    host: raw('host') ?? '127.0.0.1',
    port,
    mcpPath,
    wiring: wiring as WiringName,
    maxBodyBytes: integer('MCP_MAX_BODY_BYTES', raw('maxBodyBytes') ?? String(DEFAULT_MAX_BODY_BYTES), 1, 1 << 30),
    allowedOrigins: list(raw('allowedOrigins')),
    allowedHosts: list(raw('allowedHosts')),
    maxInFlight: integer('MCP_MAX_IN_FLIGHT', raw('maxInFlight') ?? String(DEFAULT_MAX_IN_FLIGHT), 0, 1_000_000),
    headersTimeoutMs,
    requestTimeoutMs,
    authToken,
    shutdownTimeoutMs: integer('MCP_SHUTDOWN_TIMEOUT_MS', raw('shutdownTimeoutMs') ?? String(DEFAULT_SHUTDOWN_TIMEOUT_MS), 0, 600_000),
    startupDelayMs: integer('MCP_STARTUP_DELAY_MS', raw('startupDelayMs') ?? '0', 0, 60_000),
    h2cPort,
    tlsCert,
    tlsKey,
  };
}
