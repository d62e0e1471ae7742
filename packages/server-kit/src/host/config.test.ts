import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_MAX_BODY_BYTES, loadConfig } from './config.js';

const load = (argv: string[] = [], env: Record<string, string> = {}) => loadConfig(argv, env, { port: 3001 });

describe('loadConfig', () => {
  it('has safe defaults: loopback, the runtime port, /mcp, the official wiring', () => {
    expect(load()).toEqual({
      host: '127.0.0.1',
      port: 3001,
      mcpPath: '/mcp',
      wiring: 'official',
      maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
      allowedOrigins: [],
      allowedHosts: [],
      maxInFlight: 256,
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      authToken: undefined,
      shutdownTimeoutMs: 10_000,
      startupDelayMs: 0,
      h2cPort: 3011,
      tlsCert: undefined,
      tlsKey: undefined,
    });
  });

  it('reads the environment and lets flags override it', () => {
    const config = load(['--port', '0', '--max-body-bytes', '1024'], {
      PORT: '8080',
      HOST: '0.0.0.0',
      MCP_PATH: '/rpc',
      MCP_ALLOWED_ORIGINS: 'https://app.example.com, http://localhost:5173',
      MCP_MAX_BODY_BYTES: '99',
      MCP_STARTUP_DELAY_MS: '250',
      MCP_MAX_IN_FLIGHT: '0',
      MCP_HEADERS_TIMEOUT_MS: '500',
      MCP_REQUEST_TIMEOUT_MS: '2000',
      MCP_AUTH_TOKEN: 's3cr3t-token',
    });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 0,
      mcpPath: '/rpc',
      maxBodyBytes: 1024,
      allowedOrigins: ['https://app.example.com', 'http://localhost:5173'],
      h2cPort: 0,
      startupDelayMs: 250,
      maxInFlight: 0,
      headersTimeoutMs: 500,
      requestTimeoutMs: 2000,
      authToken: 's3cr3t-token',
    });
  });

  it('can turn h2c off or pin it', () => {
    expect(load([], { H2C_PORT: 'off' }).h2cPort).toBeNull();
    expect(load([], { H2C_PORT: '4000' }).h2cPort).toBe(4000);
  });

  it.each([
    [['--port', '70000'], {}, /PORT must be between 0 and 65535/],
    [['--port', 'abc'], {}, /PORT must be an integer/],
    [[], { MCP_WIRING: 'fast' }, /MCP_WIRING must be one of official/],
    [[], { MCP_PATH: 'mcp' }, /MCP_PATH must be an absolute URL path/],
    [[], { MCP_PATH: '/health' }, /cannot be \/health/],
    [[], { MCP_MAX_BODY_BYTES: '0' }, /MCP_MAX_BODY_BYTES must be between/],
    [[], { TLS_CERT: 'cert.pem' }, /TLS_CERT and TLS_KEY must be given together/],
    [['--bogus'], {}, /Unknown option '--bogus'/],
    [[], { MCP_MAX_IN_FLIGHT: '-1' }, /MCP_MAX_IN_FLIGHT must be an integer/],
    [[], { MCP_HEADERS_TIMEOUT_MS: '5000', MCP_REQUEST_TIMEOUT_MS: '1000' }, /must be between 1 and MCP_REQUEST_TIMEOUT_MS/],
    [[], { MCP_HEADERS_TIMEOUT_MS: '0' }, /must be between 1 and MCP_REQUEST_TIMEOUT_MS/],
    [[], { MCP_AUTH_TOKEN: 'has space' }, /MCP_AUTH_TOKEN must be a bearer token/],
  ] as const)('rejects %j %j with a clear message', (argv, env, message) => {
    expect(() => load([...argv], env)).toThrow(ConfigError);
    expect(() => load([...argv], env)).toThrow(message);
  });
});
