import { describe, expect, it } from 'vitest';
import { parseH2load, parseWrk } from './saturation.js';

describe('parseWrk', () => {
  it('reads the WRK_JSON line of post.lua', () => {
    const r = parseWrk(
      'Running 1s test\nRequests/sec: 73829.1\nWRK_JSON {"requests":73920,"duration_us":1001253,"bytes":20549760,"min":81,"mean":761.2,"p50":573,"p90":990,"p95":1267,"p99":4355,"max":12885,"errors":{"connect":0,"read":2,"write":0,"status":5,"timeout":1}}\n',
    );
    expect(r.requests).toBe(73920);
    expect(r.rps).toBeCloseTo(73920 / 1.001253, 3);
    const expected = { avg: 0.7612, min: 0.081, p50: 0.573, p90: 0.99, p95: 1.267, p99: 4.355, max: 12.885 };
    for (const [key, value] of Object.entries(expected)) expect(r.latencyMs[key as keyof typeof expected]).toBeCloseTo(value, 9);
    expect(r.errors.http).toBe(8);
    expect(r.bytesPerSecond).toBeCloseTo(20549760 / 1.001253, 3);
  });

  it('refuses output without the line', () => {
    expect(() => parseWrk('unable to connect to 127.0.0.1:1 Connection refused')).toThrow(/WRK_JSON/);
  });
});

describe('parseH2load', () => {
  const stdout = [
    'finished in 3.00s, 17793.33 req/s, 3.02MB/s',
    'requests: 53380 total, 53430 started, 53380 done, 53370 succeeded, 10 failed, 4 errored, 1 timeout',
    'status codes: 53370 2xx, 0 3xx, 6 4xx, 0 5xx',
    'traffic: 9.07MB (9506006) total, 418.05KB (428080) headers (space savings 90.89%), 7.74MB (8113760) data',
  ].join('\n');

  it('takes counts from the summary and exact percentiles from the per-request log', () => {
    const log = Array.from({ length: 100 }, (_, i) => `1700000000000000\t200\t${(i + 1) * 1000}`).join('\n');
    const r = parseH2load(stdout, log);
    expect(r.requests).toBe(53380);
    expect(r.rps).toBeCloseTo(53380 / 3, 6);
    expect(r.errors.http).toBe(10);
    expect(r.bytesPerSecond).toBeCloseTo(8113760 / 3, 6);
    expect(r.latencyMs.min).toBe(1);
    expect(r.latencyMs.max).toBe(100);
    expect(r.latencyMs.p50).toBeCloseTo(50.5, 6);
    expect(r.latencyMs.p99).toBeCloseTo(99.01, 6);
  });

  it('refuses output it does not understand', () => {
    expect(() => parseH2load('connect failed', '')).toThrow(/unexpected h2load output/);
  });
});
