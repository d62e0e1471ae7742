// A measurement in a process of its own, pinned like a load generator, on a fresh V8 away from
// the runner's heap: the runner passes a JSON spec in argv, the probe prints one JSON line.
import { exitMessage } from './exit-message.js';
import { runGenerator } from './generator.js';

export type ProbeAnswer<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Runs `script` with `spec` on `node` (the runner's own by default, with any engine flags after
 * it), pinned with `prefix`; a crash or garbage output is an error answer.
 */
export async function runProbe<T>(script: string, spec: unknown, prefix: readonly string[], node: readonly string[] = [process.execPath]): Promise<ProbeAnswer<T>> {
  const run = await runGenerator([...node, script, JSON.stringify(spec)], { prefix, timeoutMs: 3_600_000 });
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  try {
    const answer = JSON.parse(last) as ProbeAnswer<T>;
    if (typeof answer.ok === 'boolean') return answer;
  } catch {
    // fall through
  }
  return { ok: false, error: exitMessage('probe', run.code, run.stderr) };
}

/** The probe's side: reads the spec from argv, runs it, prints the answer line and exits. */
export function serveProbe<S>(run: (spec: S) => Promise<unknown>): void {
  run(JSON.parse(process.argv[2] ?? '{}') as S).then(
    (value) => process.stdout.write(`${JSON.stringify({ ok: true, value })}\n`, () => process.exit(0)),
    (error: unknown) =>
      process.stdout.write(`${JSON.stringify({ ok: false, error: (error as Error)?.message ?? String(error) })}\n`, () => process.exit(1)),
  );
}
