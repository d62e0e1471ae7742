// docker-compose.yml and the Dockerfile, checked offline (no Docker engine here): Compose
// accepts the file, every service matches the servers and scenarios the runner knows, and each
// server started with its service's command and environment answers /health, a tools/call and
// the image's HEALTHCHECK.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { connect } from '@mcp-runtimes/client';
import { launchServer, packagedCommand, REPO_ROOT, SERVERS, serverEntry, serverMain, type RunningServer } from '@mcp-runtimes/registry';
import { PROFILES } from '../profiles.js';
import { DEMO_SCENARIOS } from './plan.js';
import { DEMO_PORT, demoUrl } from './targets.js';

interface Service {
  build?: { context: string; target?: string; args?: Record<string, string> };
  image?: string;
  command?: string[] | string;
  entrypoint?: string[];
  environment?: Record<string, string>;
  cpus?: number;
  mem_limit?: string;
  networks?: Record<string, unknown>;
  network_mode?: string;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  working_dir?: string;
  user?: string;
}

const COMPOSE_FILE = join(REPO_ROOT, 'docker-compose.yml');
const TOOL_SERVICES = ['plan', 'k6', 'report'];

/** Compose's own reading of the file (anchors merged, defaults filled), with no DEMO_* set. */
function composeConfig(extraArgs: string[] = []): { code: number; stdout: string; stderr: string } {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DEMO_')));
  const run = spawnSync('docker-compose', ['-f', COMPOSE_FILE, 'config', ...extraArgs], { env, encoding: 'utf8' });
  if (run.error) throw new Error(`docker-compose is not installed (scripts/install-test-tools.sh installs it): ${run.error.message}`);
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

let resolved: Record<string, Service> | undefined;
/** The services as Compose resolves them, read once for the whole file. */
function composeServices(): Record<string, Service> {
  if (!resolved) {
    const run = composeConfig();
    expect(run.stderr).toBe('');
    resolved = (parse(run.stdout) as { services: Record<string, Service> }).services;
  }
  return resolved;
}

const k6Version = /^K6_VERSION=v(\S+)$/m.exec(readFileSync(join(REPO_ROOT, 'scripts/install-load-tools.sh'), 'utf8'))?.[1];
const dockerfile = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8');

describe('docker-compose.yml', () => {
  let services: Record<string, Service>;
  beforeAll(() => {
    services = composeServices();
  });

  it('is accepted by docker-compose config -q', () => {
    const run = composeConfig(['-q']);
    expect(run.code, run.stderr).toBe(0);
  });

  it('has one service per server of the registry, plus plan, k6 and report', () => {
    expect(Object.keys(services).sort()).toEqual([...SERVERS.map((s) => s.name), ...TOOL_SERVICES].sort());
  });

  it('builds each server from its own folder and runs it as its package does', () => {
    for (const { name } of SERVERS) {
      const s = services[name] as Service;
      expect(s.build, name).toMatchObject({ target: 'server', args: { SERVER: name } });
      // Its default runtime's binary from its own deployed packages, then its main: in the image's
      // /app, the registry's entry point of this server, as its package's start script runs it.
      expect(s.command, name).toEqual(packagedCommand(name));
      expect(join(REPO_ROOT, 'servers', name, 'dist/main.js')).toBe(serverMain(name));
      const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'servers', name, 'package.json'), 'utf8')) as { scripts: { start: string } };
      expect(pkg.scripts.start).toBe(packagedCommand(name).join(' '));
    }
  });

  it('gives every server the same limits, network and settings; only its name differs', () => {
    const first = services[SERVERS[0]?.name as string] as Service;
    for (const { name } of SERVERS) {
      const s = services[name] as Service;
      expect(s.cpus, name).toBe(first.cpus);
      expect(s.mem_limit, name).toBe(first.mem_limit);
      expect(Object.keys(s.networks ?? {}), name).toEqual(['bench']);
      const { MCP_ALLOWED_HOSTS, ...shared } = s.environment ?? {};
      const { MCP_ALLOWED_HOSTS: _, ...firstShared } = first.environment ?? {};
      expect(MCP_ALLOWED_HOSTS, name).toBe(name);
      expect(shared, name).toEqual(firstShared);
      expect(shared).toMatchObject({ HOST: '0.0.0.0', PORT: String(DEMO_PORT), MCP_WIRING: PROFILES.default.wirings[0] });
    }
    expect(first.cpus).toBeGreaterThan(0);
    expect(first.mem_limit).toMatch(/^\d+[kmg]$/);
  });

  it("has every server in the containers test's loopback override, built on the host's network", () => {
    // Without it a server's image builds on the bridge network, which the test's daemon has not.
    // Compose's own tags (!reset, !override) mean nothing to a YAML parser: read them as plain values.
    const loopback = parse(readFileSync(join(REPO_ROOT, 'packages/bench/src/demo/compose.loopback.yml'), 'utf8'), { logLevel: 'error' }) as { services: Record<string, { build?: { network?: string }; environment?: Record<string, string> }> };
    for (const { name } of SERVERS) {
      expect(loopback.services[name]?.build?.network, name).toBe('host');
      expect(loopback.services[name]?.environment?.PORT, name).toBe(`\${TEST_PORT_${name.toUpperCase().replace(/-/g, '_')}:?}`);
    }
  });

  it('publishes each server on loopback only, one host port each', () => {
    const hostPorts = SERVERS.map(({ name }) => {
      const ports = services[name]?.ports ?? [];
      expect(ports, name).toHaveLength(1);
      const match = /^127\.0\.0\.1:(\d+):(\d+)\/tcp$/.exec(ports[0] as string);
      expect(match, `${name}: ${ports[0]}`).not.toBeNull();
      expect(Number(match?.[2])).toBe(DEMO_PORT);
      return match?.[1];
    });
    expect(new Set(hostPorts).size).toBe(SERVERS.length);
  });

  it('runs k6 from the official image at the version the project installs, once every server is healthy', () => {
    const k6 = services.k6 as Service;
    expect(k6Version).toBeDefined();
    expect(k6.image).toBe(`grafana/k6:${k6Version}`);
    expect(k6.depends_on).toEqual({
      plan: { condition: 'service_completed_successfully' },
      ...Object.fromEntries(SERVERS.map((s) => [s.name, { condition: 'service_healthy' }])),
    });
    expect(k6.entrypoint).toEqual(['sh', '/results/plan.sh', '/results']);
    expect(k6.working_dir).toBe('/loadtests');
    expect(k6.volumes).toEqual(expect.arrayContaining([`${join(REPO_ROOT, 'loadtests')}:/loadtests:ro`, `${join(REPO_ROOT, 'reports/docker')}:/results:rw`]));
    expect(Object.keys(k6.networks ?? {})).toEqual(['bench']);
    for (const id of DEMO_SCENARIOS) expect(existsSync(join(REPO_ROOT, 'loadtests', `${id}.js`)), id).toBe(true);
  });

  it('reaches each server where the plan aims k6', () => {
    for (const entry of SERVERS) {
      const url = new URL(demoUrl(entry));
      expect(url.hostname).toBe(entry.name);
      expect(url.port).toBe(services[entry.name]?.environment?.PORT);
      expect(url.protocol).toBe(serverEntry(entry.name).loadListener === 'h2-tls' ? 'https:' : 'http:');
    }
  });

  it('tells the plan the limits the services really have, and writes the report after k6', () => {
    const plan = services.plan as Service;
    const server = services[SERVERS[0]?.name as string] as Service;
    expect(plan.build?.target).toBe('bench');
    expect(plan.network_mode).toBe('none');
    expect(plan.environment).toEqual({
      DEMO_WIRING: server.environment?.MCP_WIRING,
      DEMO_SERVER_CPUS: String(server.cpus).replace(/\.0$/, ''),
      DEMO_SERVER_MEMORY: server.mem_limit,
      DEMO_K6_CPUS: String(services.k6?.cpus).replace(/\.0$/, ''),
      DEMO_K6_IMAGE: services.k6?.image,
    });
    expect(String(plan.command)).toMatch(/^node packages\/bench\/dist\/demo\/plan-cli\.js \/results\s*$/);
    const report = services.report as Service;
    expect(report.depends_on).toEqual({ k6: { condition: 'service_completed_successfully' } });
    expect(report.command).toEqual(['node', 'packages/bench/dist/demo/report-cli.js', '/results']);
    for (const s of [plan, report]) expect(s.volumes).toEqual([`${join(REPO_ROOT, 'reports/docker')}:/results:rw`]);
    expect(existsSync(join(REPO_ROOT, 'packages/bench/src/demo/plan-cli.ts'))).toBe(true);
    expect(existsSync(join(REPO_ROOT, 'packages/bench/src/demo/report-cli.ts'))).toBe(true);
  });
});

describe('Dockerfile', () => {
  const services = composeServices();
  it('pins its base images by exact versions, as build arguments the compose file defaults the same, and pnpm as package.json does', () => {
    const nodeVersion = /^ARG NODE_VERSION=(\d+\.\d+\.\d+)$/m.exec(dockerfile)?.[1];
    expect(nodeVersion).toBeDefined();
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:\$\{NODE_VERSION\}-bookworm-slim$/m);
    const k6Version = /^K6_VERSION=v(\S+)$/m.exec(readFileSync(join(REPO_ROOT, 'scripts/install-load-tools.sh'), 'utf8'))?.[1];
    expect(dockerfile).toContain(`ARG K6_IMAGE=grafana/k6:${k6Version}`);
    const froms = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    for (const from of froms) expect(from).toMatch(/^(\$\{NODE_IMAGE\}|\$\{K6_IMAGE\}|workspace)$/);
    // What Compose passes when DEMO_NODE_IMAGE / DEMO_K6_IMAGE are unset: the same public images.
    for (const name of [...SERVERS.map((s) => s.name), 'plan', 'report']) {
      expect(services[name]?.build?.args?.NODE_IMAGE, name).toBe(`node:${nodeVersion}-bookworm-slim`);
    }
    expect(services.k6?.image).toBe(`grafana/k6:${k6Version}`);
    expect(services.plan?.environment?.DEMO_K6_IMAGE).toBe(services.k6?.image);
    const pnpm = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { packageManager: string }).packageManager.split('@')[1];
    expect(dockerfile).toContain(`ARG PNPM_VERSION=${pnpm}`);
    expect(dockerfile).not.toMatch(/@sha256:/); // none could be checked here: none is better than an invented one
  });

  it('builds each server with the workspace packages it depends on and no others', () => {
    const selector = /RUN pnpm --filter "([^"]+)" run build/.exec(dockerfile)?.[1];
    expect(selector).toContain('${SERVER}');
    const names = (server: string): string[] => {
      const out = execFileSync('pnpm', ['--filter', (selector as string).replace('${SERVER}', server), 'ls', '--depth', '-1', '--json'], { cwd: REPO_ROOT, encoding: 'utf8' });
      return (JSON.parse(out) as { name: string }[]).map((p) => p.name).sort();
    };
    // What the server's package.json says it needs, followed through the workspace.
    const workspaceDeps = (dir: string): string[] => {
      const pkg = JSON.parse(readFileSync(join(REPO_ROOT, dir, 'package.json'), 'utf8')) as { name: string; dependencies?: Record<string, string> };
      const deps = Object.entries(pkg.dependencies ?? {}).filter(([, v]) => v.startsWith('workspace:')).map(([n]) => n);
      return [pkg.name, ...deps.flatMap((d) => workspaceDeps(`packages/${d.replace('@mcp-runtimes/', '')}`))];
    };
    for (const { name } of SERVERS) expect(names(name), name).toEqual([...new Set(workspaceDeps(`servers/${name}`))].sort());
  }, 60_000); // a pnpm ls per server: 1-2 s each on a busy machine

  it('runs the server stage as a non-root user with a HEALTHCHECK', () => {
    const stage = dockerfile.slice(dockerfile.indexOf('AS server\n'), dockerfile.indexOf('AS bench'));
    expect(stage).toMatch(/^USER node$/m);
    expect(stage).toMatch(/^HEALTHCHECK /m);
    expect(stage).toMatch(/deploy|COPY --from=server-build/);
  });
});

/** The image's HEALTHCHECK command, as JSON in the Dockerfile. */
const healthcheck = JSON.parse(/HEALTHCHECK[^\n]*\\\n\s*CMD (\[.*\])/.exec(dockerfile)?.[1] ?? '[]') as string[];

describe.each(SERVERS.map((s) => s.name))('%s started as its compose service starts it', (name) => {
  let server: RunningServer;
  let url: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    const service = composeServices()[name] as Service;
    // Exactly the service's command and environment, in the folder that is the image's /app,
    // except the port: tests never take a fixed one.
    env = { ...(service.environment ?? {}), PORT: '0' };
    server = await launchServer(name, { command: service.command as string[], cwd: join(REPO_ROOT, 'servers', name), env });
    url = server.url.replace('://0.0.0.0:', '://127.0.0.1:');
  });
  afterAll(async () => {
    const exit = await server.stop();
    expect(exit.code).toBe(0);
  });

  it('answers /health and a tools/call', async () => {
    const connection = await connect(url, { insecure: url.startsWith('https:') });
    try {
      const health = await connection.fetch(new URL('/health', url));
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', runtime: name, wiring: env.MCP_WIRING });
      const result = await connection.client.callTool({ name: 'agent_task', arguments: { task: 'compose check' } });
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toMatchObject({ task: 'compose check' });
    } finally {
      await connection.close();
    }
  });

  it('accepts the Host that k6 sends on the compose network, and refuses a foreign one', async () => {
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const target = new URL('/mcp', url);
        const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
        const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
        const req = send(target, {
          method: 'POST',
          rejectUnauthorized: false,
          headers: { host, 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'content-length': Buffer.byteLength(body) },
        });
        req.on('response', (res) => res.resume().on('end', () => resolve(res.statusCode ?? 0)));
        req.on('error', reject);
        req.end(body);
      });
    expect(await status(new URL(demoUrl(serverEntry(name))).host)).toBe(200);
    expect(await status('attacker.example:3000')).toBe(403);
  });

  it('passes the image HEALTHCHECK', () => {
    expect(healthcheck[0]).toBe('node');
    const port = new URL(url).port;
    const out = execFileSync(healthcheck[0] as string, healthcheck.slice(1), { cwd: join(REPO_ROOT, 'servers', name), env: { ...process.env, ...env, PORT: port }, encoding: 'utf8' });
    expect(out).toBe('');
  });
});
