// A short soak measures when V8 chooses to run its next major GC, not what the server holds: at
// 200 calls/s the official wiring's garbage alone reads as ~800 MiB/min in 15 s if no major GC
// falls inside the window (seen on node-http in about one run in three). Forcing a full GC every
// second makes RSS follow what is live, so the quick soak's slope sees a leak and not GC timing.
import { fileURLToPath } from 'node:url';

const PRELOAD = fileURLToPath(new URL('../../preload/full-gc.mjs', import.meta.url));

/** The environment that makes a Node server force a full GC every `everyMs`; none for null. */
export function fullGcEnv(everyMs: number | null): Record<string, string> {
  if (everyMs === null) return {};
  const nodeOptions = [process.env.NODE_OPTIONS, `--import ${JSON.stringify(PRELOAD)}`].filter(Boolean).join(' ');
  return { NODE_OPTIONS: nodeOptions, MCP_BENCH_FULL_GC_MS: String(everyMs) };
}
