// Loaded into a soaked server by the bench (NODE_OPTIONS=--import, see src/reliability/full-gc.ts).
// Plain JavaScript so the same file serves the built runner and the tests.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const everyMs = Number(process.env.MCP_BENCH_FULL_GC_MS);
if (Number.isInteger(everyMs) && everyMs > 0) {
  setFlagsFromString('--expose-gc');
  // A new context sees the flag just set; the main one was created before it.
  const fullGc = runInNewContext('gc');
  setInterval(fullGc, everyMs).unref();
}
