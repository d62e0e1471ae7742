// An open-loop load generator: requests leave on a fixed schedule whatever the server does, so
// an overloaded server meets the whole offered load (a closed loop would slow down with it).
// Every answer is checked: the right status and the right answer to the right request.
import { connect as http2Connect, type ClientHttp2Session } from 'node:http2';
import { Pool } from 'undici';
import { quantileSorted } from '../stats.js';
import type { PhaseResult } from './model.js';

export interface Target {
  url: string;
  protocol: 'http1' | 'h2c';
}

interface Answer {
  status: number;
  body: string;
}

/** One way to send a POST and read its whole answer; HTTP/1.1 over a large pool, or h2c streams on one session. */
export interface Sender {
  post(body: string): Promise<Answer>;
  close(): Promise<void>;
}

const HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

export function createSender(target: Target, connections: number): Sender {
  const url = new URL(target.url);
  if (target.protocol === 'h2c') {
    let session: ClientHttp2Session | undefined;
    const current = () => {
      if (!session || session.closed || session.destroyed) {
        session = http2Connect(url.origin, { peerMaxConcurrentStreams: 10_000 });
        session.on('error', () => {});
      }
      return session;
    };
    return {
      post: (body) =>
        new Promise((resolve, reject) => {
          const stream = current().request({ ':method': 'POST', ':path': url.pathname, ...HEADERS });
          let status = 0;
          let text = '';
          stream.on('response', (h) => (status = Number(h[':status'])));
          stream.setEncoding('utf8').on('data', (c: string) => (text += c));
          stream.once('end', () => resolve({ status, body: text }));
          stream.once('error', reject);
          stream.once('close', () => (status === 0 ? reject(new Error(`stream closed (code ${stream.rstCode})`)) : undefined));
          stream.end(body);
        }),
      close: async () => {
        session?.close();
      },
    };
  }
  const pool = new Pool(url.origin, { connections, pipelining: 1, keepAliveTimeout: 30_000 });
  return {
    post: async (body) => {
      const response = await pool.request({ path: url.pathname, method: 'POST', headers: HEADERS, body });
      return { status: response.statusCode, body: await response.body.text() };
    },
    close: () => pool.close(),
  };
}

export interface OpenLoopOptions {
  phase: string;
  rate: number;
  seconds: number;
  /** A correct call for request number `n`, and the check of its answer. */
  call: (n: number) => { body: string; check: (text: string) => boolean };
  /** Sampled every 200 ms while the phase runs. */
  sampleRss?: () => number;
  /** How long to wait for answers after the last request has left. */
  drainMs?: number;
}

const TICK_MS = 5;

export async function openLoop(sender: Sender, o: OpenLoopOptions): Promise<PhaseResult> {
  const okMs: number[] = [];
  const shedMs: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let offered = 0;
  let peakRss = 0;
  const pending = new Set<Promise<void>>();
  const recordError = (why: string) => {
    errors++;
    if (errorSamples.length < 5) errorSamples.push(why.slice(0, 200));
  };
  const send = (n: number) => {
    const { body, check } = o.call(n);
    const started = performance.now();
    const done = sender.post(body).then(
      (answer) => {
        const ms = performance.now() - started;
        if (answer.status === 200 && check(answer.body)) okMs.push(ms);
        else if (answer.status === 503) shedMs.push(ms);
        else recordError(`${answer.status} ${answer.body}`);
      },
      (error: unknown) => recordError((error as Error).message),
    );
    pending.add(done);
    void done.finally(() => pending.delete(done));
  };

  const rssTimer = o.sampleRss ? setInterval(() => (peakRss = Math.max(peakRss, o.sampleRss?.() ?? 0)), 200) : undefined;
  const start = performance.now();
  const total = Math.round(o.rate * o.seconds);
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * o.rate));
      while (offered < due) send(offered++);
      if (offered >= total) resolve();
      else setTimeout(tick, TICK_MS);
    };
    tick();
  });
  const drained = Promise.all([...pending]);
  const timeout = new Promise((resolve) => setTimeout(resolve, o.drainMs ?? 30_000));
  await Promise.race([drained, timeout]);
  if (pending.size > 0) for (let i = 0; i < pending.size; i++) recordError('no answer before the drain timeout');
  if (rssTimer) clearInterval(rssTimer);
  if (o.sampleRss) peakRss = Math.max(peakRss, o.sampleRss());

  const sorted = okMs.sort((a, b) => a - b);
  const shedSorted = shedMs.sort((a, b) => a - b);
  const q = (values: number[], p: number) => (values.length > 0 ? round2(quantileSorted(values, p)) : 0);
  return {
    phase: o.phase,
    targetRate: o.rate,
    seconds: o.seconds,
    offered,
    ok: okMs.length,
    shed: shedMs.length,
    errors,
    errorSamples,
    p50Ms: q(sorted, 0.5),
    p99Ms: q(sorted, 0.99),
    maxMs: round2(sorted.at(-1) ?? 0),
    shedP99Ms: q(shedSorted, 0.99),
    peakRssBytes: peakRss,
  };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
