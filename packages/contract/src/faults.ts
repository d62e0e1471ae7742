/**
 * Misbehaving clients for the reliability suites: a slowloris on a raw socket, an HTTP/2
 * stream whose body trickles in, and readings of a server's /health and memory.
 */
import { readFileSync } from 'node:fs';
import { connect as http2Connect, type ClientHttp2Session } from 'node:http2';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { createFetch, type FetchLike, type TransportOptions } from '@mcp-runtimes/client';
import { certificatePath, type Protocol, type RunningServer } from '@mcp-runtimes/registry';

export const MCP_HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

export function toolCall(id: number | string, args: Record<string, unknown>, name = 'agent_task'): string {
  return JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args } });
}

/** A batch_process call that keeps the server's CPU busy for tens of milliseconds (50 high-complexity tasks). */
export function cpuBoundCall(id: number): string {
  const tasks = Array.from({ length: 50 }, (_, n) => ({ task: `cpu ${id}.${n}`, complexity: 'high' }));
  return toolCall(id, { tasks }, 'batch_process');
}

/**
 * Opens `count` connections of a client's pool (one cheap call on each, its answer whatever it
 * is, some may be shed), so calls sent next arrive together instead of one accept at a time.
 */
export async function openConnections(fetch: FetchLike, url: string, count: number): Promise<void> {
  await Promise.all(
    Array.from({ length: count }, (_, i) => fetch(url, { method: 'POST', headers: MCP_HEADERS, body: toolCall(i, { task: 'warm' }) }).then((r) => r.text())),
  );
}

/** How each listener is reached by the reference client. */
export function transportOf(protocol: Protocol): TransportOptions {
  const ca = readFileSync(certificatePath());
  if (protocol === 'h2-tls') return { http: '2', ca };
  if (protocol === 'h2c') return { http: '2' };
  return { http: '1.1' };
}

export interface Health {
  status: string;
  in_flight: number;
  max_in_flight: number;
  shed: number;
  tool_calls: { running: number; cancelled: number; finished: number };
}

export async function health(server: RunningServer): Promise<Health> {
  const url = server.url.replace(/\/mcp$/, '/health');
  const { fetch, close } = createFetch(url, url.startsWith('https:') ? transportOf('h2-tls') : {});
  try {
    return (await (await fetch(url)).json()) as Health;
  } finally {
    await close();
  }
}

/** Polls /health until `done` holds, or fails with the last reading after `timeoutMs`. */
export async function healthUntil(server: RunningServer, done: (h: Health) => boolean, timeoutMs: number): Promise<Health> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reading = await health(server);
    if (done(reading)) return reading;
    if (Date.now() > deadline) throw new Error(`health never got there: ${JSON.stringify(reading)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The server process's resident memory, from /proc. */
export function rssBytes(server: RunningServer): number {
  const status = readFileSync(`/proc/${server.process.pid}/status`, 'utf8');
  const kib = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  if (kib === undefined) throw new Error('no VmRSS in /proc status');
  return Number(kib) * 1024;
}

export interface TrickleOutcome {
  /** When the server closed the connection (or, with untilAnswered, its answer was whole), from the first byte sent. */
  closedAfterMs: number;
  /** What the server wrote before closing, if anything. */
  received: string;
  /** False when the outcome is a whole answer on a connection the server left open. */
  closedByServer: boolean;
}

/**
 * A socket to a listener for hand-written bytes: TLS with the project certificate and `alpn` on
 * https:, plain TCP otherwise. Half-open when asked (a TLS socket over a half-open one is too).
 */
function rawConnection(target: URL, alpn: 'h2' | 'http/1.1', options: { allowHalfOpen?: boolean } = {}): Socket {
  const tcp = netConnect({ host: target.hostname, port: Number(target.port), ...options });
  if (target.protocol !== 'https:') return tcp;
  return tlsConnect({ socket: tcp, ca: readFileSync(certificatePath()), ALPNProtocols: [alpn], servername: 'localhost' });
}

/**
 * An HTTP/1.1 slowloris: sends the start of a request, then one more header line (`headers`)
 * or one more body byte (`body`, of a declared 1,000) every 250 ms, until the server closes
 * (or, with `untilAnswered`, until a whole answer has come, for a server that answers but
 * leaves the connection to the client).
 */
export function trickleHttp1(url: string, part: 'headers' | 'body', giveUpMs: number, options: { untilAnswered?: boolean } = {}): Promise<TrickleOutcome> {
  const target = new URL(url);
  const socket = rawConnection(target, 'http/1.1');
  const start = Date.now();
  let received = '';
  let sent = 0;
  return new Promise((resolve, reject) => {
    const head =
      part === 'headers'
        ? `POST ${target.pathname} HTTP/1.1\r\nHost: ${target.host}\r\n`
        : `POST ${target.pathname} HTTP/1.1\r\nHost: ${target.host}\r\nContent-Type: application/json\r\n` +
          `Accept: application/json, text/event-stream\r\nContent-Length: 1000\r\n\r\n`;
    socket.write(head);
    const timer = setInterval(() => {
      sent++;
      socket.write(part === 'headers' ? `X-Slow-${sent}: a\r\n` : ' ');
    }, 250);
    const giveUp = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server still held a ${part} slowloris after ${giveUpMs} ms`));
    }, giveUpMs);
    const finish = (closedByServer: boolean) => {
      clearInterval(timer);
      clearTimeout(giveUp);
      resolve({ closedAfterMs: Date.now() - start, received, closedByServer });
    };
    socket.setEncoding('utf8').on('data', (chunk: string) => {
      received += chunk;
      if (options.untilAnswered && wholeAnswer(received)) {
        finish(false);
        socket.destroy();
      }
    });
    socket.on('error', () => {}); // a reset is how some stacks cut off
    socket.once('close', () => finish(true));
  });
}

/** An HTTP/1.1 answer with a Content-Length whose body has fully arrived. */
function wholeAnswer(received: string): boolean {
  const end = received.indexOf('\r\n\r\n');
  const length = /\r\ncontent-length: *(\d+)/i.exec(received.slice(0, end));
  return end !== -1 && length !== null && received.length - end - 4 >= Number(length[1]);
}

/** Trickles headers or a body for `forMs`: 'held' if the server kept the connection that long, 'closed' otherwise. */
export async function holdTrickle(url: string, part: 'headers' | 'body', forMs: number): Promise<'held' | 'closed'> {
  try {
    await trickleHttp1(url, part, forMs);
    return 'closed';
  } catch {
    return 'held';
  }
}

export function h2Session(url: string): ClientHttp2Session {
  const target = new URL(url);
  const session = http2Connect(target.origin, target.protocol === 'https:' ? { ca: readFileSync(certificatePath()) } : {});
  session.on('error', () => {});
  return session;
}

/**
 * An HTTP/2 request whose body trickles in (one byte every 250 ms of a declared 1,000). Over
 * when the server resets the stream: its 'close', or its closed flag seen at the next byte
 * (node's 'close' waits for a write that was in flight when the reset came).
 */
export function trickleH2Body(url: string, giveUpMs: number): Promise<{ afterMs: number; status: number | null; body: string; rstCode: number | undefined }> {
  const session = h2Session(url);
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const stream = session.request({ ':method': 'POST', ':path': new URL(url).pathname, ...MCP_HEADERS, 'content-length': '1000' });
    let status: number | null = null;
    let body = '';
    let ended = false;
    const over = () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      session.close();
      resolve({ afterMs: Date.now() - start, status, body, rstCode: stream.rstCode });
    };
    const timer = setInterval(() => (stream.closed ? over() : stream.write(' ')), 250);
    const giveUp = setTimeout(() => {
      clearInterval(timer);
      session.destroy();
      // Which side stalled: no status means the server never answered; a status, that it never reset the stream.
      const answer = `status ${status ?? 'none'}, ${body.length} body chars received${ended ? ', response ended' : ''}`;
      reject(new Error(`the server still held an HTTP/2 body trickle after ${giveUpMs} ms (${answer}, rst ${stream.rstCode ?? 'none'})`));
    }, giveUpMs);
    stream.on('response', (headers) => (status = Number(headers[':status'])));
    stream.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    stream.once('end', () => (ended = true));
    stream.on('error', () => {});
    stream.once('close', over);
  });
}

/** A connection that greeted the server and then never closes its side. */
export interface HeldConnection {
  /**
   * After the server ended its side: pings it every 200 ms until a write fails, which is when
   * the server let go of the connection entirely; ms from the end to that.
   */
  lingered(giveUpMs: number): Promise<number>;
  release(): void;
}

const H2_PREFACE = Buffer.concat([Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'), Buffer.from([0, 0, 0, 4, 0, 0, 0, 0, 0])]);
/** GOAWAY, no error, last stream 0: "I am done with this connection". */
const H2_GOAWAY = Buffer.from([0, 0, 8, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
const H2_PING = Buffer.from([0, 0, 8, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

/**
 * A client that says hello in `speak` (the HTTP/2 preface and an empty SETTINGS, then GOAWAY
 * with `goaway`; or one keep-alive HTTP/1.1 request for /health), reads what comes, and never
 * ends its side of the connection, not even after the server ended its own (half-open): a
 * server that waits for the peer to close waits forever.
 */
export function holdConnection(url: string, speak: 'h2' | 'http/1.1', then?: 'goaway'): Promise<HeldConnection> {
  const target = new URL(url);
  const socket = rawConnection(target, speak, { allowHalfOpen: true });
  const gone = new Promise<void>((resolve) => {
    socket.once('error', () => resolve());
    socket.once('close', () => resolve());
  });
  socket.on('error', () => {});
  const endedAt = new Promise<number>((resolve) => {
    socket.once('end', () => resolve(Date.now()));
    void gone.then(() => resolve(Date.now()));
  });
  const lingered = async (giveUpMs: number) => {
    const since = await endedAt;
    const pinger = setInterval(() => socket.write(H2_PING), 200);
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${url} still held the half-open connection ${giveUpMs} ms after ending its side`)), giveUpMs).unref());
    try {
      await Promise.race([gone, timeout]);
      return Date.now() - since;
    } finally {
      clearInterval(pinger);
    }
  };
  return new Promise((resolve, reject) => {
    const silent = setTimeout(() => {
      socket.destroy();
      reject(new Error(`${url} did not answer a ${speak} hello within 5 s`));
    }, 5000);
    socket.once('close', () => reject(new Error(`${url} closed the ${speak} connection before answering its hello`)));
    socket.once(target.protocol === 'https:' ? 'secureConnect' : 'connect', () => {
      const hello = speak === 'h2' ? H2_PREFACE : `GET ${target.pathname.replace(/\/mcp$/, '/health')} HTTP/1.1\r\nHost: ${target.host}\r\n\r\n`;
      socket.write(then === 'goaway' ? Buffer.concat([H2_PREFACE, H2_GOAWAY]) : hello);
    });
    // The first bytes back (the server's SETTINGS, or the /health answer) mean the connection is established.
    socket.once('data', () => {
      clearTimeout(silent);
      socket.resume();
      resolve({ lingered, release: () => socket.destroy() });
    });
  });
}

/** Error bodies must never show how the server is built. */
export function leaksInternals(text: string): boolean {
  return /\n\s+at |node_modules|\/work\/|\/home\/|\.[cm]?[jt]s:\d+|Error: .*\n/.test(text);
}
