// setup() and teardown() of every scenario: refuse an unhealthy target, and record the server's
// own CPU time and peak memory from /health before and after the run. The native runner reads
// the server's process instead; the docker-compose demo, where k6 cannot see it, reads these.
// A server without /health (HEALTH_URL=none) is measured all the same, without those figures.
import http from 'k6/http';
import { fail } from 'k6';
import { Gauge } from 'k6/metrics';
import { HEALTH_URL, NO_HEALTH } from './config.js';

const cpuBefore = new Gauge('server_cpu_seconds_before');
const cpuAfter = new Gauge('server_cpu_seconds_after');
const peakRss = new Gauge('server_peak_rss_bytes');

function health() {
  return http.get(HEALTH_URL, { tags: { op: 'health' } });
}

function record(response, cpu) {
  let usage;
  try {
    usage = response.json('process');
  } catch (_) {
    return; // a server without the figures: the summary simply lacks them
  }
  if (usage && typeof usage.cpu_seconds === 'number') cpu.add(usage.cpu_seconds);
  if (usage && typeof usage.peak_rss_bytes === 'number') peakRss.add(usage.peak_rss_bytes);
}

export function setup() {
  if (NO_HEALTH) return;
  const response = health();
  if (response.status !== 200) fail(`${HEALTH_URL} answered ${response.status} ${response.error || ''}: not measuring an unhealthy target`);
  record(response, cpuBefore);
}

export function teardown() {
  if (NO_HEALTH) return;
  const response = health();
  if (response.status === 200) record(response, cpuAfter);
}
