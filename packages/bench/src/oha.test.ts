import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ohaArgs, parseOha } from './oha.js';

// Recorded here: oha 1.16.0, 3 s at 20,000 req/s against the raw echoes (uWS over HTTP/1.1, well
// under its knee; node:http2 over h2c, past it: 57,930 of 60,000 answered, 50 cut at the deadline).
const sample = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('parseOha', () => {
  it('reads a run under the knee: every due request answered, latency from the due time in ms', () => {
    const r = parseOha(sample('oha-http1-echo-20000.json'), 60_000, 3);
    expect(r.completed).toBe(59_990);
    expect(r.dropped).toBe(10);
    expect(r.errors).toEqual({ http: 0, jsonrpc: 0, tool: 0, check: 0 });
    expect(r.rps).toBeCloseTo(59_990 / 3, 3);
    expect(r.latencyMs.p50).toBeCloseTo(0.362487, 6);
    expect(r.latencyMs.p99).toBeCloseTo(2.054292, 6);
    expect(r.latencyMs.max).toBeCloseTo(6.147, 3);
    expect(r.bytesPerSecond).toBeCloseTo(9_118_480 / 3.002362996, 0);
  });

  it('reads a run past the knee: requests never answered are dropped, a deadline cut is no server error', () => {
    const r = parseOha(sample('oha-h2c-echo-20000.json'), 60_000, 3);
    expect(r.completed).toBe(57_930);
    expect(r.dropped).toBe(2_070);
    expect(r.errors.http).toBe(0);
    expect(r.latencyMs.p99).toBeCloseTo(214.604101, 5);
  });

  it('counts a status other than 200 and a socket error as HTTP errors', () => {
    const json = JSON.parse(sample('oha-http1-echo-20000.json')) as Record<string, unknown>;
    json.statusCodeDistribution = { '200': 59_000, '503': 900 };
    json.errorDistribution = { 'connection closed': 40, 'aborted due to deadline': 5 };
    const r = parseOha(JSON.stringify(json), 60_000, 3);
    expect(r.errors.http).toBe(940);
    expect(r.completed).toBe(59_940);
    expect(r.dropped).toBe(60);
  });

  it('refuses output that is not oha JSON', () => {
    expect(() => parseOha('Error: connection refused', 100, 1)).toThrow(/no JSON summary/);
    expect(() => parseOha('{"x":1}', 100, 1)).toThrow(/unexpected oha JSON/);
  });
});

describe('ohaArgs', () => {
  it('asks for a corrected constant rate, one runtime thread, and the in-flight count as connections (HTTP/1.1) or connections × streams (h2c)', () => {
    const h1 = ohaArgs({ url: 'http://127.0.0.1:1/mcp', protocol: 'http1', rate: 1500, seconds: 3, inFlight: 50 });
    expect(h1.join(' ')).toContain('-z 3s -q 1500 --latency-correction -w --worker-threads 1 -c 50 -t 10s -m POST');
    expect(h1).not.toContain('--http2');
    const h2 = ohaArgs({ url: 'http://127.0.0.1:1/mcp', protocol: 'h2c', rate: 1500, seconds: 3, inFlight: 50 });
    expect(h2.join(' ')).toContain('-c 5 --http2 -p 10');
    expect(h2.at(-1)).toBe('http://127.0.0.1:1/mcp');
  });
});
