import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { rawIds, type RawAnswer, type RawRequest } from './raw.js';

export interface StdioOptions {
  /** The server's executable and arguments, e.g. `node servers/stdio/dist/main.js`. */
  command: string;
  args?: string[];
  /** Added to the SDK's default (safe) environment. */
  env?: Record<string, string>;
  cwd?: string;
  /** Where the server's stderr (its logs) goes; default: ignored. */
  stderr?: 'inherit' | 'ignore';
  clientName?: string;
}

export interface StdioConnection {
  client: Client;
  /** The server process. */
  pid: number | null;
  /** Hand-written JSON-RPC over the same pipe. */
  request: RawRequest;
  /** Ends the server's stdin (it answers what it has read, then exits) and waits for it. */
  close(): Promise<void>;
}

/** Starts an MCP server as a child process and an initialized SDK Client on its stdin/stdout. */
export async function connectStdio(options: StdioOptions): Promise<StdioConnection> {
  const pipe = new SharedPipe(
    new StdioClientTransport({
      command: options.command,
      args: options.args ?? [],
      env: { ...getDefaultEnvironment(), ...options.env },
      stderr: options.stderr ?? 'ignore',
      ...(options.cwd ? { cwd: options.cwd } : {}),
    }),
  );
  const client = new Client({ name: options.clientName ?? 'mcp-runtimes-client', version: '0.1.0' });
  try {
    await client.connect(pipe);
  } catch (error) {
    await pipe.close();
    throw error;
  }
  return { client, pid: pipe.inner.pid, request: pipe.request, close: () => client.close() };
}

/**
 * The SDK's stdio transport with a side door: answers to hand-written requests (ids of our own)
 * go back to their callers; everything else goes to the Client as usual.
 */
class SharedPipe implements Transport {
  onmessage?: (message: JSONRPCMessage) => void;
  onclose?: () => void;
  onerror?: (error: Error) => void;
  private readonly waiting = new Map<string, { resolve: (a: RawAnswer) => void; reject: (e: Error) => void }>();
  private readonly nextId = rawIds();

  constructor(readonly inner: StdioClientTransport) {}

  start(): Promise<void> {
    this.inner.onmessage = (message) => {
      const id = 'id' in message ? message.id : undefined;
      const waiter = typeof id === 'string' ? this.waiting.get(id) : undefined;
      if (waiter && typeof id === 'string') {
        this.waiting.delete(id);
        waiter.resolve(message as RawAnswer);
      } else {
        this.onmessage?.(message);
      }
    };
    this.inner.onerror = (error) => this.onerror?.(error);
    this.inner.onclose = () => {
      for (const { reject } of this.waiting.values()) reject(new Error('the server closed the pipe'));
      this.waiting.clear();
      this.onclose?.();
    };
    return this.inner.start();
  }

  send(message: JSONRPCMessage): Promise<void> {
    return this.inner.send(message);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  readonly request: RawRequest = (method, params) =>
    new Promise((resolve, reject) => {
      const id = this.nextId();
      this.waiting.set(id, { resolve, reject });
      this.inner.send({ jsonrpc: '2.0', id, method, ...(params ? { params } : {}) }).catch((error: Error) => {
        this.waiting.delete(id);
        reject(error);
      });
    });
}
