// Where the load generators are, and their versions for the environment record. Nothing is
// assumed installed: scripts/install-load-tools.sh puts them there, and a missing one is an
// error that says how to get it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@mcp-runtimes/registry';

export interface Toolchain {
  k6: string;
  wrk: string;
  h2load: string;
  /** The latency curve's open-loop generator. */
  oha: string;
}

export function findTool(name: string): string | null {
  const local = join(REPO_ROOT, '.tools', 'bin', name);
  if (existsSync(local)) return local;
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

export function requireToolchain(needed: readonly (keyof Toolchain)[] = ['k6', 'wrk', 'h2load', 'oha']): Toolchain {
  const found: Partial<Toolchain> = {};
  const missing: string[] = [];
  for (const name of needed) {
    const path = findTool(name);
    if (path) found[name] = path;
    else missing.push(name);
  }
  if (missing.length > 0) {
    throw new Error(`missing load tools: ${missing.join(', ')}. Run scripts/install-load-tools.sh (or scripts/setup.sh) first.`);
  }
  return found as Toolchain;
}

/** First line of `tool --version`-like output, or "not found". */
export function toolVersion(path: string | null, args: string[]): string {
  if (!path) return 'not found';
  try {
    const out = execFileSync(path, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 10_000 });
    return firstLine(out);
  } catch (error) {
    // wrk -v prints its version and exits 1
    const e = error as { stdout?: string; stderr?: string };
    return firstLine(`${e.stdout ?? ''}${e.stderr ?? ''}`) || 'unknown';
  }
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim())?.trim() ?? '';
}
