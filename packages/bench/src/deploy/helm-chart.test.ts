// deploy/helm, checked offline (no cluster here): `helm lint` accepts it and `helm template`
// renders every server as a Deployment with equal resources and /health probes, a Service each,
// autoscaling when asked, and k6-operator TestRuns of exactly the k6 scenarios pnpm bench:all runs,
// with the same load settings.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { REPO_ROOT, SERVERS } from '@mcp-runtimes/registry';
import { k6RunEnv } from '../measurement.js';
import { SCENARIOS } from '../scenarios.js';
import { PROFILES } from '../profiles.js';
import { findTool } from '../toolchain.js';

const CHART = join(REPO_ROOT, 'deploy/helm');
const RELEASE = 'bench';

interface Manifest {
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec: Record<string, any>; // rendered YAML, checked field by field below
}

function helm(args: string[]): string {
  const bin = findTool('helm');
  if (bin === null) throw new Error('helm is not installed (scripts/install-container-tools.sh builds it into .tools/bin)');
  const run = spawnSync(bin, args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`helm ${args.join(' ')} exited ${run.status}:\n${run.stderr}`);
  return run.stdout;
}

function render(...set: string[]): Manifest[] {
  const out = helm(['template', RELEASE, CHART, '--namespace', 'mcp', ...set.flatMap((s) => ['--set', s])]);
  return parseAllDocuments(out)
    .map((d) => d.toJS() as Manifest | null)
    .filter((m): m is Manifest => m !== null);
}

const byKind = (manifests: Manifest[], kind: string) => manifests.filter((m) => m.kind === kind);
const env = (list: { name: string; value: string }[]) => Object.fromEntries(list.map((e) => [e.name, e.value]));

describe('deploy/helm', () => {
  it('passes helm lint --strict, with and without the load tests and autoscaling', () => {
    expect(helm(['lint', '--strict', CHART])).toContain('0 chart(s) failed');
    expect(helm(['lint', '--strict', CHART, '--set', 'loadtest.enabled=true', '--set', 'autoscaling.enabled=true'])).toContain('0 chart(s) failed');
  });

  const manifests = render();
  const deployments = byKind(manifests, 'Deployment');

  it('runs every server as a Deployment with a Service, and nothing else by default', () => {
    const names = SERVERS.map((s) => `${RELEASE}-${s.name}`).sort();
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(names);
    expect(byKind(manifests, 'Service').map((s) => s.metadata.name).sort()).toEqual(names);
    expect(manifests.filter((m) => !['Deployment', 'Service'].includes(m.kind))).toEqual([]);
    for (const service of byKind(manifests, 'Service')) {
      const deployment = deployments.find((d) => d.metadata.name === service.metadata.name) as Manifest;
      expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
      expect(deployment.spec.template.metadata.labels).toMatchObject(service.spec.selector);
    }
  });

  it('gives every server the same resources (requests = limits), settings and probes on /health', () => {
    const containers = deployments.map((d) => d.spec.template.spec.containers[0]);
    const first = containers[0];
    expect(first.resources.requests).toEqual(first.resources.limits);
    for (const [i, c] of containers.entries()) {
      const server = SERVERS.find((s) => deployments[i]?.metadata.name === `${RELEASE}-${s.name}`);
      expect(server, deployments[i]?.metadata.name).toBeDefined();
      expect(c.resources, server?.name).toEqual(first.resources);
      expect(c.image).toBe(`mcp-runtimes-${server?.name}:0.1.0`);
      const scheme = server?.loadListener === 'h2-tls' ? 'HTTPS' : 'HTTP';
      for (const probe of [c.readinessProbe, c.livenessProbe]) expect(probe.httpGet).toEqual({ path: '/health', port: 'mcp', scheme });
      const vars = env(c.env);
      expect(vars).toMatchObject({ HOST: '0.0.0.0', PORT: '3000', MCP_WIRING: 'tuned' });
      // The Service's name is an allowed Host (DNS-rebinding protection), short and in full.
      expect(vars.MCP_ALLOWED_HOSTS?.split(',')).toEqual(expect.arrayContaining([`${RELEASE}-${server?.name}`, `${RELEASE}-${server?.name}.mcp.svc.cluster.local`]));
    }
    // Only the name, image and Host list differ between servers.
    const shape = (c: Record<string, unknown>) => ({ ...c, name: '', image: '', env: (c.env as { name: string }[]).filter((e) => e.name !== 'MCP_ALLOWED_HOSTS'), readinessProbe: '', livenessProbe: '' });
    for (const c of containers) expect(shape(c)).toEqual(shape(first));
    expect(new Set(deployments.map((d) => d.spec.template.spec.terminationGracePeriodSeconds)).size).toBe(1);
  });

  it('scales each server with a HorizontalPodAutoscaler when autoscaling is on', () => {
    const scaled = render('autoscaling.enabled=true');
    const hpas = byKind(scaled, 'HorizontalPodAutoscaler');
    expect(hpas.map((h) => h.spec.scaleTargetRef.name).sort()).toEqual(SERVERS.map((s) => `${RELEASE}-${s.name}`).sort());
    for (const d of byKind(scaled, 'Deployment')) expect(d.spec.replicas, 'the HPA owns replicas').toBeUndefined();
  });

  it('runs the gate and every k6 scenario against every server as k6-operator TestRuns, with bench:all load settings', () => {
    const runs = byKind(render('loadtest.enabled=true'), 'TestRun');
    const k6Scenarios = SCENARIOS.filter((s) => s.file !== undefined);
    expect(runs).toHaveLength(SERVERS.length * (k6Scenarios.length + 1));
    for (const server of SERVERS) {
      const scheme = server.loadListener === 'h2-tls' ? 'https' : 'http';
      const of = (id: string) => runs.find((r) => r.metadata.name === `${RELEASE}-${server.name}-${id}`) as Manifest;
      const gate = of('gate');
      expect(gate.spec.parallelism).toBe(1);
      expect(gate.spec.script.localFile).toBe('/loadtests/gate.js');
      for (const sc of k6Scenarios) {
        const run = of(sc.id);
        expect(run, `${server.name} ${sc.id}`).toBeDefined();
        expect(run.spec.parallelism).toBe(2);
        expect(run.spec.script.localFile).toBe(`/loadtests/${sc.file}`);
        expect(existsSync(join(REPO_ROOT, 'loadtests', sc.file as string))).toBe(true);
        expect(run.spec.runner.image).toBe('mcp-runtimes-loadtests:0.1.0');
        const vars = env(run.spec.runner.env);
        expect(vars.BASE_URL).toBe(`${scheme}://${RELEASE}-${server.name}:3000/mcp`);
        expect(vars.SUMMARY_PATH).toBe('/dev/stdout');
        const rate = sc.model === 'open' ? (sc.rate ?? PROFILES.default.rates[0]) : undefined;
        expect(vars.PROTOCOL).toBe('2025-11-25');
        // Runner pods keep off the nodes of this release's servers.
        expect(run.spec.runner.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'mcp-runtimes', 'app.kubernetes.io/instance': RELEASE });
        const { BASE_URL: _url, SUMMARY_PATH: _summary, K6_NO_USAGE_REPORT: _usage, INSECURE: _insecure, PROTOCOL: _protocol, ...load } = vars;
        expect(load, `${server.name} ${sc.id}`).toEqual(k6RunEnv(sc, 10, rate));
      }
    }
  });

  it('speaks the era asked for', () => {
    const runs = byKind(render('loadtest.enabled=true', 'loadtest.protocol=2026-07-28', 'wiring=v2-tuned'), 'TestRun');
    for (const run of runs) expect(env(run.spec.runner.env).PROTOCOL).toBe('2026-07-28');
  });

  it('renders one server and scenario at a time on request', () => {
    const runs = byKind(render('loadtest.enabled=true', 'loadtest.servers={uws}', 'loadtest.scenarios={agents}'), 'TestRun');
    expect(runs.map((r) => r.metadata.name)).toEqual([`${RELEASE}-uws-gate`, `${RELEASE}-uws-agents`]);
    expect(() => render('loadtest.enabled=true', 'loadtest.scenarios={nope}')).toThrow(/no scenario "nope"/);
  });
});
