// What a reader needs to judge a figure: versions, machine, commit, date, pinning.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, RUNTIMES, runtimeBinary, type RuntimeName } from '@mcp-runtimes/registry';
import type { Environment } from './results.js';
import { findTool, toolVersion } from './toolchain.js';

/** Installed versions of the packages that decide the figures. */
const PACKAGES: [string, string][] = [
  ['@modelcontextprotocol/sdk', 'packages/tools'],
  ['@modelcontextprotocol/server', 'packages/tools'],
  ['hono', 'servers/hono'],
  ['@hono/node-server', 'servers/hono'],
  ['@trufflesuite/uws-js-unofficial', 'servers/uws'],
  ['express', 'servers/express'],
  ['fastify', 'servers/fastify'],
];

export function collectEnvironment(pinning: Environment['pinning'], runtimes: readonly RuntimeName[] = []): Environment {
  const versions: Record<string, string> = {};
  for (const [name, from] of PACKAGES) versions[name] = packageVersion(name, from);
  versions.k6 = toolVersion(findTool('k6'), ['version']);
  versions.wrk = toolVersion(findTool('wrk'), ['-v']).replace(/ \[.*$/, '');
  versions.h2load = toolVersion(findTool('h2load'), ['--version']);
  versions.oha = toolVersion(findTool('oha'), ['--version']);
  const cpu = cpus();
  return {
    date: new Date().toISOString(),
    gitSha: git(['rev-parse', 'HEAD']) || 'unknown',
    gitDirty: git(['status', '--porcelain', '--untracked-files=no']) !== '',
    node: process.version,
    os: `${type()} ${release()}`,
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryBytes: totalmem(),
    versions,
    runtimes: runtimeVersions(runtimes),
    engineFlags: engineFlags(runtimes, process.env),
    pinning,
  };
}

/**
 * The engine flags every server inherits from the runner's environment (NODE_OPTIONS for Node,
 * DENO_V8_FLAGS for Deno), per runtime measured: "none" when unset. A heap or GC flag changes the
 * figures, so a run says which it had rather than leaving it silent.
 */
export function engineFlags(names: readonly RuntimeName[], env: Record<string, string | undefined>): Record<string, string> {
  const flags: Record<string, string> = {};
  for (const entry of RUNTIMES.filter((r) => names.includes(r.name))) {
    const variable = entry.v8Flags?.variable;
    flags[entry.name] = variable === undefined ? 'none it reads from the environment' : env[variable]?.trim() ? `${variable}=${env[variable]?.trim()}` : 'none';
  }
  return flags;
}

/** Each runtime the servers ran on, as its binary prints its version ("not installed" where pnpm skipped it). */
export function runtimeVersions(names: readonly RuntimeName[]): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const entry of RUNTIMES.filter((r) => names.includes(r.name))) {
    const binary = runtimeBinary(entry.name);
    if (binary === null) {
      versions[entry.name] = 'not installed';
      continue;
    }
    try {
      versions[entry.name] = entry.readVersion(execFileSync(binary, [...entry.versionArgs], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }));
    } catch {
      versions[entry.name] = 'does not run here';
    }
  }
  return versions;
}

function packageVersion(name: string, from: string): string {
  try {
    const path = join(REPO_ROOT, from, 'node_modules', name, 'package.json');
    return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}
