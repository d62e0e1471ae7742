// The docker-compose demo for real: a Docker engine (scripts/docker-daemon.sh starts one without
// a bridge when none answers, and stops it after), local stand-ins for the public base images
// (scripts/standin-images.sh), every image of the Dockerfile built by Compose v2, then the demo
// run with --quick through docker-compose.yml plus compose.loopback.yml (host networking, so load
// only crosses loopback here), and its report read back. Minutes: `pnpm test` runs it last.
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, SERVERS } from '@mcp-runtimes/registry';
import type { BenchResults } from '../results.js';
import { scenario } from '../scenarios.js';
import { demoSettings } from './plan.js';

const PROJECT = 'mcp-runtimes-containers-test';
const FILES = ['-f', join(REPO_ROOT, 'docker-compose.yml'), '-f', join(REPO_ROOT, 'packages/bench/src/demo/compose.loopback.yml')];
const SCRIPTS = join(REPO_ROOT, 'scripts');
/** What the demo measures with DEMO_ARGS=--quick. */
const QUICK_SCENARIOS = demoSettings(['--quick'], 'tuned').scenarios.map((id) => ({ id, file: scenario(id).file as string }));

/** KEY=value lines a script printed, as an object. */
function settingsOf(out: string): Record<string, string> {
  return Object.fromEntries(out.split('\n').flatMap((line) => (/^([A-Z_0-9]+)=(.*)$/.exec(line) ? [line.split(/=(.*)/s).slice(0, 2) as [string, string]] : [])));
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the docker-compose demo, in containers', () => {
  const results = mkdtempSync(join(tmpdir(), 'mcp-containers-'));
  let env: NodeJS.ProcessEnv = { ...process.env };
  let startedDaemon = false;
  const timings: Record<string, number> = {};
  const run = (command: string, args: string[], timeoutMs: number): SpawnSyncReturns<string> => {
    const started = Date.now();
    const out = spawnSync(command, args, { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
    // Named by the command and its first words that are not paths or compose's own -p/-f settings.
    const words = args.filter((a, i) => !a.startsWith('/') && !['-p', '-f'].includes(a) && !['-p', '-f'].includes(args[i - 1] ?? ''));
    timings[`${command} ${words.slice(0, 4).join(' ')}`.trim()] = (Date.now() - started) / 1000;
    return out;
  };
  const compose = (args: string[], timeoutMs: number) => run('docker', ['compose', '-p', PROJECT, ...FILES, ...args], timeoutMs);
  const failed = (what: string, out: SpawnSyncReturns<string>) => `${what} exited ${out.status}${out.error ? ` (${out.error.message})` : ''}:\n${(out.stdout + out.stderr).slice(-4000)}`;
  let report: SpawnSyncReturns<string>;
  let stopped: Record<string, string> = {};

  beforeAll(async () => {
    // A daemon that answers already (the user's) is used as it is; else the project's own.
    if (spawnSync('docker', ['version', '--format', '{{.Server.Version}}'], { encoding: 'utf8' }).status !== 0) {
      const daemon = run(join(SCRIPTS, 'docker-daemon.sh'), ['start'], 60_000);
      expect(daemon.status, failed('scripts/docker-daemon.sh start', daemon)).toBe(0);
      startedDaemon = true;
      env = { ...env, ...settingsOf(daemon.stdout) };
    }
    // Compose v2 is the project's plugin (scripts/install-container-tools.sh, run by install-test-tools.sh), wherever the daemon is.
    env.DOCKER_CONFIG = join(REPO_ROOT, '.tools/docker');
    const images = run(join(SCRIPTS, 'standin-images.sh'), [], 10 * 60_000);
    expect(images.status, failed('scripts/standin-images.sh', images)).toBe(0);
    const standin = settingsOf(images.stdout);
    // One loopback port per server of the registry (compose.loopback.yml reads TEST_PORT_<NAME>).
    const ports: Record<string, number> = {};
    for (const { name } of SERVERS) ports[name] = await freePort();
    const portVar = (name: string) => `TEST_PORT_${name.toUpperCase().replace(/-/g, '_')}`;
    const url = (name: string, port: number) => `${SERVERS.find((s) => s.name === name)?.loadListener === 'h2-tls' ? 'https' : 'http'}://127.0.0.1:${port}/mcp`;
    chmodSync(results, 0o777);
    env = {
      ...env,
      DEMO_NODE_IMAGE: standin.NODE_IMAGE,
      DEMO_K6_IMAGE: standin.K6_IMAGE,
      DEMO_ARGS: '--quick',
      DEMO_UID: String(process.getuid?.() ?? 1000),
      DEMO_GID: String(process.getgid?.() ?? 1000),
      TEST_RESULTS: results,
      ...Object.fromEntries(Object.entries(ports).map(([name, port]) => [portVar(name), String(port)])),
      TEST_TARGETS: Object.entries(ports).map(([name, port]) => `${name}=${url(name, port)}`).join(','),
    };
    const build = compose(['--profile', 'images', 'build'], 20 * 60_000);
    expect(build.status, failed('docker compose build', build)).toBe(0);
    // `run` starts what report depends on, in order (servers healthy, plan, k6 to completion).
    report = compose(['run', '--rm', 'report'], 15 * 60_000);
    const stop = compose(['stop'], 60_000);
    expect(stop.status, failed('docker compose stop', stop)).toBe(0);
    const ps = compose(['ps', '--all', '--format', '{{.Service}} {{.ExitCode}}'], 30_000);
    stopped = Object.fromEntries(ps.stdout.trim().split('\n').map((line) => line.split(' ') as [string, string]));
  }, 45 * 60_000);

  afterAll(() => {
    compose(['--profile', 'images', 'down', '--remove-orphans'], 120_000);
    if (startedDaemon) {
      const stopped = run(join(SCRIPTS, 'docker-daemon.sh'), ['stop'], 60_000);
      expect(stopped.status, failed('scripts/docker-daemon.sh stop', stopped)).toBe(0);
      // Nothing of the daemon stays mounted (its network namespace did): the folder can be removed.
      const mounts = readFileSync('/proc/mounts', 'utf8').split('\n').map((line) => line.split(' ')[1] ?? '');
      expect(mounts.filter((m) => m.startsWith(join(REPO_ROOT, '.tools/docker')))).toEqual([]);
    }
    rmSync(results, { recursive: true, force: true });
    console.log(`containers test, seconds per step: ${JSON.stringify(timings)}`);
  }, 3 * 60_000);

  it('built every image of the Dockerfile, on local stand-ins named as such', () => {
    const targets = [...readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8').matchAll(/^FROM \S+ AS (\S+)$/gm)].map((m) => m[1]);
    expect(targets).toEqual(['workspace', 'server-build', 'server', 'bench', 'loadtests']);
    // workspace and server-build are intermediate stages; each final one is an image.
    for (const service of [...SERVERS.map((s) => s.name), 'plan', 'report', 'loadtests']) {
      const inspect = run('docker', ['image', 'inspect', `${PROJECT}-${service}`], 30_000);
      expect(inspect.status, `${PROJECT}-${service}: ${inspect.stderr}`).toBe(0);
    }
    expect(env.DEMO_NODE_IMAGE).toMatch(/^mcp-runtimes-standin\/node:/);
    expect(env.DEMO_K6_IMAGE).toMatch(/^mcp-runtimes-standin\/k6:/);
    // The server image runs this machine's Node, as user node, with no network.
    const node = run('docker', ['run', '--rm', '--network', 'none', '--entrypoint', 'sh', `${PROJECT}-uws`, '-c', 'node --version; id -un'], 60_000);
    expect(node.stdout.trim().split('\n')).toEqual([process.version, 'node']);
  });

  it('runs the k6-operator runner image: k6 with every loadtests/ scenario, as the operator\'s initializer reads it', () => {
    const files = [...new Set(QUICK_SCENARIOS.map((s) => s.file))];
    for (const file of files) {
      // What k6-operator's initializer runs in the runner image before it starts the runners.
      const inspect = run('docker', ['run', '--rm', '--network', 'none', `${PROJECT}-loadtests`, 'inspect', '--execution-requirements', `/loadtests/${file}`], 60_000);
      expect(inspect.status, failed(`k6 inspect ${file}`, inspect)).toBe(0);
      const requirements = JSON.parse(inspect.stdout) as { scenarios: Record<string, unknown>; maxVUs: number; totalDuration: string; summaryTrendStats: string[] };
      expect(Object.keys(requirements.scenarios), file).toEqual(['main']);
      expect(requirements.maxVUs, file).toBeGreaterThan(0);
      expect(requirements.totalDuration, file).toMatch(/s$/);
      // cluster:merge needs each trend's count to weigh the runners' means.
      expect(requirements.summaryTrendStats, file).toContain('count');
    }
  });

  it('runs the demo end to end and measures every server in every scenario', () => {
    expect(report.status, failed('docker compose run report', report)).toBe(0);
    const written = JSON.parse(readFileSync(join(results, 'results.json'), 'utf8')) as BenchResults;
    expect(written.gates.map((g) => [g.server, g.passed])).toEqual(SERVERS.map((s) => [s.name, true]));
    expect(written.failures).toEqual([]);
    for (const { name } of SERVERS) {
      const measured = written.measurements.filter((m) => m.server === name);
      expect(measured.map((m) => m.scenario).sort(), name).toEqual(QUICK_SCENARIOS.map((s) => s.id).sort());
      for (const m of measured) {
        expect(m.requests, `${name} ${m.scenario}`).toBeGreaterThan(0);
        // CPU and memory from the server's own /health, inside its container.
        expect(m.serverUsage.cpuSeconds, `${name} ${m.scenario}`).toBeGreaterThan(0);
        expect(m.serverUsage.peakRssBytes, `${name} ${m.scenario}`).toBeGreaterThan(0);
      }
    }
    expect(written.environment.containers?.generator).toContain(env.DEMO_K6_IMAGE);
    expect(existsSync(join(results, 'RESULTS.md'))).toBe(true);
    expect(existsSync(join(results, 'report.html'))).toBe(true);
  });

  it('stops every server cleanly (exit 0 on SIGTERM)', () => {
    for (const { name } of SERVERS) expect(stopped[name], `${name}: ${JSON.stringify(stopped)}`).toBe('0');
    expect(execFileSync('docker', ['--version'], { encoding: 'utf8' })).toMatch(/Docker version/);
  });
});
