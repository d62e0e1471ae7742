import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The JavaScript runtimes a server can run on. Each comes from a pinned npm package of
 * packages/runtimes (its binary inside); nothing is downloaded from anywhere else.
 */
export type RuntimeName = 'node20' | 'node22' | 'node24' | 'node26' | 'bun' | 'deno';

export interface RuntimeEntry {
  name: RuntimeName;
  /** What it is, for reports: "Node.js 24 (maintenance LTS)". */
  title: string;
  /** The engine family: servers declare which families they run on. */
  engine: 'node' | 'bun' | 'deno';
  /** The package under packages/runtimes that carries the binary (an alias for the Node lines). */
  package: string;
  /** The binary's path inside that package. */
  binary: string;
  /** The runtime's arguments before the script (Deno needs to be told where the packages are). */
  scriptArgs: (script: string) => string[];
  /** The arguments that make the binary print its version, and how to read it from the output. */
  versionArgs: readonly string[];
  readVersion: (output: string) => string;
  /**
   * How the engine takes V8 flags from the environment (a variable of flags and their separator),
   * so a benchmark or a test can size its heap: null where the engine is not V8 (JavaScriptCore).
   */
  v8Flags: { variable: string; separator: string } | null;
}

/** The environment that passes `flags` to `runtime`'s V8, after `env`'s flags in that variable. */
export function v8FlagsEnv(runtime: RuntimeEntry, flags: readonly string[], env: Record<string, string | undefined>): Record<string, string> {
  const via = runtime.v8Flags;
  if (!via || flags.length === 0) return {};
  return { [via.variable]: [env[via.variable], ...flags].filter(Boolean).join(via.separator) };
}

const nodeVersion = (output: string) => output.trim().replace(/^v/, '');

const nodeLine = (major: 20 | 22 | 24 | 26, status: string): RuntimeEntry => ({
  name: `node${major}`,
  title: `Node.js ${major} (${status})`,
  engine: 'node',
  package: `node${major}`,
  binary: 'bin/node',
  scriptArgs: (script) => [script],
  versionArgs: ['--version'],
  readVersion: nodeVersion,
  v8Flags: { variable: 'NODE_OPTIONS', separator: ' ' },
});

/** Every runtime, the Node lines oldest first. Adding one is a package in packages/runtimes and one entry here. */
export const RUNTIMES: readonly RuntimeEntry[] = [
  nodeLine(20, 'end of life since 2026-04-30'),
  nodeLine(22, 'maintenance LTS'),
  nodeLine(24, 'maintenance LTS'),
  nodeLine(26, 'active LTS'),
  {
    name: 'bun',
    title: 'Bun',
    engine: 'bun',
    package: '@oven/bun-linux-x64',
    binary: 'bin/bun',
    scriptArgs: (script) => [script],
    versionArgs: ['--version'],
    readVersion: (output) => output.trim(),
    v8Flags: null,
  },
  {
    name: 'deno',
    title: 'Deno',
    engine: 'deno',
    package: '@deno/linux-x64-glibc',
    binary: 'deno',
    // --node-modules-dir=manual: resolve the workspace's pnpm node_modules as Node does (run from
    // the server's folder). --unstable-no-legacy-abort: request.signal aborts only when the
    // client goes away, not after every successful response.
    scriptArgs: (script) => ['run', '--allow-all', '--node-modules-dir=manual', '--unstable-no-legacy-abort', script],
    versionArgs: ['--version'],
    readVersion: (output) => /^deno (\S+)/.exec(output)?.[1] ?? output.trim(),
    v8Flags: { variable: 'DENO_V8_FLAGS', separator: ',' },
  },
];

/** The Node line the servers run on unless told otherwise: a supported LTS line, not the machine's Node. */
export const DEFAULT_NODE_RUNTIME: RuntimeName = 'node24';

export const RUNTIME_NAMES = RUNTIMES.map((r) => r.name);

export function isRuntimeName(name: string): name is RuntimeName {
  return (RUNTIME_NAMES as readonly string[]).includes(name);
}

export function runtimeEntry(name: string): RuntimeEntry {
  const entry = RUNTIMES.find((r) => r.name === name);
  if (!entry) throw new Error(`unknown runtime "${name}": known are ${RUNTIME_NAMES.join(', ')}`);
  return entry;
}

/** Where pnpm links the runtime packages: packages/runtimes/node_modules (paths as a user sees them, not the store's). */
const RUNTIME_MODULES = fileURLToPath(new URL('../../runtimes/node_modules/', import.meta.url));

/** The runtime's binary, or null when its package is not installed (another platform, or no install yet). */
export function runtimeBinary(name: RuntimeName): string | null {
  const entry = runtimeEntry(name);
  const binary = join(RUNTIME_MODULES, entry.package, entry.binary);
  return existsSync(binary) ? binary : null;
}

/** The binary, or an error that says how to get it. */
export function requireRuntimeBinary(name: RuntimeName): string {
  const binary = runtimeBinary(name);
  if (binary === null) {
    throw new Error(`runtime ${name} is not installed (${runtimeEntry(name).package} in packages/runtimes): run pnpm install on linux-x64`);
  }
  return binary;
}
