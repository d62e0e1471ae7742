import type { Readable, Writable } from 'node:stream';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { JSONRPCMessageSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { RPC } from '../core/responses.js';

type Id = string | number;

/**
 * MCP's stdio transport: one JSON-RPC message per line, both ways. Unlike the SDK's
 * StdioServerTransport, a line that is not JSON or not JSON-RPC is answered with a JSON-RPC
 * error (the SDK's stays silent and the client waits forever), an over-long line is refused
 * without closing the pipe, and requests not yet answered are counted so shutdown can wait.
 */
export class LineTransport implements Transport {
  onmessage?: (message: JSONRPCMessage) => void;
  onclose?: () => void;
  onerror?: (error: Error) => void;

  private buffered: Buffer[] = [];
  private bufferedBytes = 0;
  /** Discarding the rest of a line that was already refused as too long. */
  private skipping = false;
  /** Requests read and not yet answered, per id (a client may reuse one), and in all. */
  private readonly unanswered = new Map<Id, number>();
  private pending = 0;
  private idleWaiters: (() => void)[] = [];
  private closed = false;

  constructor(
    private readonly input: Readable,
    private readonly output: Writable,
    private readonly maxLineBytes: number,
  ) {}

  async start(): Promise<void> {
    // The end of input is not a close: answers to requests already read must still go out.
    this.input.on('data', this.onData);
  }

  /** Requests received and not yet answered. */
  get inFlight(): number {
    return this.pending;
  }

  /** Resolves once every request received so far has its answer written. */
  drain(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async send(message: JSONRPCMessage): Promise<void> {
    const id = 'id' in message && ('result' in message || 'error' in message) ? message.id : undefined;
    if (id !== undefined && id !== null) this.answered(id);
    if (this.closed) return;
    if (!this.output.write(`${JSON.stringify(message)}\n`)) {
      await new Promise<void>((resolve) => this.output.once('drain', resolve));
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.input.off('data', this.onData);
    this.onclose?.();
  }

  private readonly onData = (chunk: Buffer): void => {
    let start = 0;
    for (let newline = chunk.indexOf(10); newline !== -1; newline = chunk.indexOf(10, start)) {
      this.append(chunk.subarray(start, newline));
      if (!this.skipping) this.line(Buffer.concat(this.buffered).toString('utf8').replace(/\r$/, ''));
      this.buffered = [];
      this.bufferedBytes = 0;
      this.skipping = false;
      start = newline + 1;
    }
    this.append(chunk.subarray(start));
  };

  private append(part: Buffer): void {
    if (this.skipping || part.length === 0) return;
    this.bufferedBytes += part.length;
    if (this.bufferedBytes > this.maxLineBytes) {
      this.buffered = [];
      this.skipping = true;
      this.reject(RPC.invalidRequest, `Invalid Request: message larger than ${this.maxLineBytes} bytes`);
      return;
    }
    this.buffered.push(Buffer.from(part)); // a copy: the chunk's memory is reused by the stream
  }

  private line(text: string): void {
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return this.reject(RPC.parseError, `Parse error: ${(error as Error).message}`);
    }
    const parsed = JSONRPCMessageSchema.safeParse(value);
    if (!parsed.success) {
      const id = (value as { id?: unknown } | null)?.id;
      const validId = typeof id === 'string' || typeof id === 'number' ? id : null;
      const what = Array.isArray(value) ? 'one JSON-RPC message per line, not a batch' : 'not a JSON-RPC 2.0 message';
      return this.reject(RPC.invalidRequest, `Invalid Request: ${what}`, validId);
    }
    const message = parsed.data;
    if ('method' in message && 'id' in message) {
      this.unanswered.set(message.id, (this.unanswered.get(message.id) ?? 0) + 1);
      this.pending++;
    }
    this.onmessage?.(message);
  }

  private reject(code: number, message: string, id: Id | null = null): void {
    if (this.closed) return;
    this.output.write(`${JSON.stringify({ jsonrpc: '2.0', id, error: { code, message } })}\n`);
  }

  private answered(id: Id): void {
    const count = this.unanswered.get(id);
    if (count === undefined) return; // not a request we read (nothing to count down)
    if (count > 1) this.unanswered.set(id, count - 1);
    else this.unanswered.delete(id);
    this.pending--;
    if (this.pending === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
