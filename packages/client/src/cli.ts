#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { connect, type ConnectOptions } from './connect.js';
import { isProtocol, PROTOCOLS } from './protocol.js';
import { connectStdio } from './stdio.js';

const USAGE = `usage: mcp-runtimes <command> URL [...] [options]

URL is an http(s):// MCP endpoint, or stdio:COMMAND to start a server and talk over its
stdin/stdout, e.g. "stdio:node servers/stdio/dist/main.js".

commands:
  call URL TOOL [JSON_ARGS]     call a tool, print its result
  list URL                      list tools, resources, resource templates and prompts
  read URL URI                  read a resource
  prompt URL NAME [JSON_ARGS]   get a prompt

options:
  --http2               one HTTP/2 connection (h2c for http://, h2 for https://); default HTTP/1.1
  --ca FILE             trust this CA (PEM), e.g. .certs/localhost-cert.pem
  --insecure            accept any TLS certificate (local testing only)
  --header "K: V"       extra request header (repeatable)
                        MCP_AUTH_TOKEN in the environment sends "Authorization: Bearer <token>"
  --concurrent N        call: send N identical calls at once on the same connection, print a summary
  --progress            call: ask for progress and print each notification to stderr
  --protocol VERSION    the era to speak: 2025-11-25 (initialize first; the default) or
                        2026-07-28 (no handshake: _meta claims and Mcp-Method headers per request)

exit status: 0 success, 1 the server answered with an error, 2 bad usage or no connection`;

class UsageError extends Error {}

function parseJson(text: string | undefined, what: string): Record<string, unknown> {
  if (text === undefined) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch {
    throw new UsageError(`${what} must be a JSON object, got ${text}`);
  }
}

function print(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}

function startStdio(commandLine: string) {
  const [command, ...args] = commandLine.trim().split(/\s+/).filter((part) => part.length > 0);
  if (command === undefined) throw new UsageError('stdio: needs a command, e.g. stdio:node servers/stdio/dist/main.js');
  return connectStdio({ command, args, stderr: 'inherit' });
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      http2: { type: 'boolean', default: false },
      ca: { type: 'string' },
      insecure: { type: 'boolean', default: false },
      header: { type: 'string', multiple: true },
      concurrent: { type: 'string' },
      progress: { type: 'boolean', default: false },
      protocol: { type: 'string', default: '2025-11-25' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, url, ...rest] = positionals;
  if (values.help || command === undefined) {
    console.log(USAGE);
    return command === undefined && !values.help ? 2 : 0;
  }
  if (url === undefined) throw new UsageError(`${command}: URL is required`);

  const headers: Record<string, string> = {};
  // From the environment, not a flag: a flag's value shows in `ps`.
  if (process.env.MCP_AUTH_TOKEN) headers.authorization = `Bearer ${process.env.MCP_AUTH_TOKEN}`;
  for (const header of values.header ?? []) {
    const colon = header.indexOf(':');
    if (colon <= 0) throw new UsageError(`--header must look like "Name: value", got ${header}`);
    headers[header.slice(0, colon).trim()] = header.slice(colon + 1).trim();
  }
  if (!isProtocol(values.protocol)) {
    throw new UsageError(`--protocol must be one of ${PROTOCOLS.join(', ')}, got ${values.protocol}`);
  }
  const options: ConnectOptions = {
    protocol: values.protocol,
    http: values.http2 ? '2' : '1.1',
    insecure: values.insecure,
    headers,
    ...(values.ca ? { ca: readFileSync(values.ca) } : {}),
  };

  if (url.startsWith('stdio:') && values.protocol !== '2025-11-25') {
    throw new UsageError('--protocol 2026-07-28 is spoken over HTTP here; stdio: speaks 2025-11-25');
  }
  const connection = url.startsWith('stdio:') ? await startStdio(url.slice('stdio:'.length)) : await connect(url, options);
  try {
    const { client } = connection;
    switch (command) {
      case 'call': {
        const [tool, args] = rest;
        if (tool === undefined) throw new UsageError('call: TOOL is required');
        const request = { name: tool, arguments: parseJson(args, 'JSON_ARGS') };
        const onprogress = values.progress
          ? (p: { progress: number; total?: number; message?: string }) =>
              console.error(`progress ${p.progress}/${p.total ?? '?'} ${p.message ?? ''}`)
          : undefined;
        const count = values.concurrent === undefined ? 1 : Number(values.concurrent);
        if (!Number.isInteger(count) || count < 1 || count > 10_000) {
          throw new UsageError(`--concurrent must be an integer from 1 to 10000, got ${values.concurrent}`);
        }
        if (count === 1) {
          const result = (await client.callTool(request, undefined, onprogress ? { onprogress } : undefined)) as CallToolResult;
          print(result);
          return result.isError ? 1 : 0;
        }
        const start = performance.now();
        const results = await Promise.all(
          Array.from({ length: count }, () => client.callTool(request) as Promise<CallToolResult>),
        );
        const wallMs = performance.now() - start;
        const errors = results.filter((r) => r.isError).length;
        print({ calls: count, errors, wall_ms: Math.round(wallMs * 1000) / 1000, first: results[0] });
        return errors > 0 ? 1 : 0;
      }
      case 'list': {
        const capabilities = client.getServerCapabilities() ?? {};
        print({
          server: client.getServerVersion(),
          tools: capabilities.tools ? (await client.listTools()).tools : [],
          resources: capabilities.resources ? (await client.listResources()).resources : [],
          resourceTemplates: capabilities.resources ? (await client.listResourceTemplates()).resourceTemplates : [],
          prompts: capabilities.prompts ? (await client.listPrompts()).prompts : [],
        });
        return 0;
      }
      case 'read': {
        const [uri] = rest;
        if (uri === undefined) throw new UsageError('read: URI is required');
        print(await client.readResource({ uri }));
        return 0;
      }
      case 'prompt': {
        const [name, args] = rest;
        if (name === undefined) throw new UsageError('prompt: NAME is required');
        print(await client.getPrompt({ name, arguments: parseJson(args, 'JSON_ARGS') as Record<string, string> }));
        return 0;
      }
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } finally {
    await connection.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const code = (error as { code?: unknown }).code;
    if (error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      console.error(`mcp-runtimes: ${(error as Error).message}\n\n${USAGE}`);
      process.exit(2);
    }
    // A numeric code is a JSON-RPC error from the server; anything else means no usable connection.
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    console.error(`mcp-runtimes: ${(error as Error)?.message ?? String(error)}${cause ? ` (${cause})` : ''}`);
    process.exit(typeof code === 'number' ? 1 : 2);
  },
);
