// One options builder for every scenario: the load model comes from __ENV.MODE (or the
// scenario's default), so each scenario file only says what it sends.
import { BASE_URL, DURATION, MODE, RATE, VUS, intEnv } from './config.js';

const TREND_STATS = ['avg', 'min', 'med', 'max', 'p(50)', 'p(90)', 'p(95)', 'p(99)', 'count'];

/**
 * @param {{ model: 'open'|'closed', vus?: number, tags?: string[] }} defaults
 *   tags: values of the `op` tag this scenario reports separately (one row each in the report).
 */
export function loadOptions(defaults) {
  const mode = MODE || defaults.model;
  const vus = intEnv('VUS', defaults.vus || VUS);
  const thresholds = {};
  // A threshold on a tag is what makes k6 keep that submetric in the summary.
  for (const op of defaults.tags || []) {
    thresholds[`mcp_duration{op:${op}}`] = ['max>=0'];
    thresholds[`mcp_bytes_received{op:${op}}`] = ['count>=0'];
  }
  if (mode === 'gate') thresholds.checks = ['rate==1'];

  return {
    scenarios: { main: executor(mode, vus) },
    thresholds,
    summaryTrendStats: TREND_STATS,
    // Fewer tags on every built-in sample: k6 builds a tag set per request (the url tag alone
    // is a string per sample), and nothing here reads the ones dropped.
    systemTags: ['status', 'method', 'group', 'check', 'scenario', 'expected_response', 'error_code'],
    // The project's own certificate is self-signed; only trust-less on loopback.
    insecureSkipTLSVerify: /^https:\/\/(127\.|\[::1\]|localhost)/.test(BASE_URL) || __ENV.INSECURE === '1',
    // HTTP/1.1 needs one connection per concurrent request of a batch; the k6 default (6) would
    // cap "many concurrent calls from one agent" below what the scenario asks for.
    batch: 100,
    batchPerHost: 100,
    noConnectionReuse: false,
    userAgent: 'mcp-runtimes-k6',
    setupTimeout: '20s',
  };
}

function executor(mode, vus) {
  // One checked iteration; gate.js runs every scenario's in it, so allow a minute.
  if (mode === 'gate') return { executor: 'per-vu-iterations', vus: 1, iterations: 1, maxDuration: '60s' };
  if (mode === 'closed') return { executor: 'constant-vus', vus, duration: DURATION, gracefulStop: '5s' };
  if (mode === 'open') {
    // Enough VUs for 50 ms of latency at RATE, allocated up front (k6 starting VUs mid-run drops
    // iterations itself; each one it starts costs the generator's core), and at most four times
    // that: 200 ms of headroom. Past it, dropped_iterations marks the server falling behind. With
    // up to 2,000 VUs, a server that cannot keep up (a Python peer at 13 batch calls/s against
    // 1,000/s) got 2,000 requests queued and took 25 s to drain after each 4 s run; with twice,
    // latency spikes (TLS on k6's side, 1 MiB answers) dropped a few iterations of ours too.
    const preAllocatedVUs = intEnv('PRE_VUS', Math.max(20, Math.ceil(RATE / 20)));
    return {
      executor: 'constant-arrival-rate',
      rate: RATE,
      timeUnit: '1s',
      duration: DURATION,
      preAllocatedVUs,
      maxVUs: intEnv('MAX_VUS', 4 * preAllocatedVUs),
      gracefulStop: '5s',
    };
  }
  throw new Error(`MODE must be open, closed or gate, got "${mode}"`);
}
