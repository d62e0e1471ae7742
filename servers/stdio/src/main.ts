#!/usr/bin/env node
// The MCP surface over stdio: the client starts this process and talks over its stdin/stdout.
// One long-lived McpServer, as the SDK intends for a pipe; concurrent requests are answered as
// they finish, so one pipe multiplexes. stdout carries only protocol; logs go to stderr.
import { configFromProcess, LineTransport, simulateStartup } from '@mcp-runtimes/server-kit';
import { createMcpServer } from '@mcp-runtimes/tools';

const RUNTIME = 'stdio';
const config = configFromProcess(RUNTIME, 0);
await simulateStartup(config);

const transport = new LineTransport(process.stdin, process.stdout, config.maxBodyBytes);
const server = createMcpServer();
await server.connect(transport);
console.error(`${RUNTIME} listening on stdio`);

let stopping = false;
/** stdin closed, SIGTERM or SIGINT: answer every request already read, then exit 0. */
async function stop(reason: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.error(`${RUNTIME} ${reason}: draining ${transport.inFlight} in-flight request(s)`);
  const deadline = setTimeout(() => {
    console.error(`${RUNTIME} shutdown deadline of ${config.shutdownTimeoutMs} ms passed with ${transport.inFlight} in flight`);
    process.exit(1);
  }, config.shutdownTimeoutMs);
  await transport.drain();
  clearTimeout(deadline);
  process.stdout.write('', () => process.exit(0));
}
process.stdin.once('end', () => void stop('stdin closed'));
process.once('SIGTERM', () => void stop('received SIGTERM'));
process.once('SIGINT', () => void stop('received SIGINT'));
