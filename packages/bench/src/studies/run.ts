// The runner's side of the studies: start what each needs (pinned to the server core), run its
// probe (pinned to the generator core), collect the samples. Failures are reported, not fatal.
import { fileURLToPath } from 'node:url';
import { launchServer, serverEntry, stdioMain, type RunningServer } from '@mcp-runtimes/registry';
import { runProbe } from '../probe-process.js';
import type { BenchSettings, ServerFailure } from '../results.js';
import { summarise } from '../stats.js';
import type { ChannelKind, ChannelSpec, LayerSamples, StudyResults } from './model.js';
import type { ProbeSpec } from './probe.js';
import { eraOf, wiringOf } from '../variants.js';

const PROBE = fileURLToPath(new URL('./probe.js', import.meta.url));

export interface StudyContext {
  settings: BenchSettings;
  serverPin: string[];
  generatorPin: string[];
  log: (line: string) => void;
  fail: (failure: ServerFailure) => void;
}

export async function runStudies(ctx: StudyContext): Promise<StudyResults> {
  const study = ctx.settings.studies;
  const results: StudyResults = { settings: study, layers: [], multiplex: [], overhead: [], coldstart: [] };
  const probe = async <T>(spec: ProbeSpec, label: string): Promise<T | null> => {
    const answer = await runProbe<T>(PROBE, spec, ctx.generatorPin);
    if (answer.ok) return answer.value;
    ctx.fail({ server: label, round: 0, stage: 'study', message: `${spec.study}: ${answer.error}` });
    return null;
  };
  const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 0)} ms`;

  if (study.studies.includes('layers')) {
    const local = await probe<{ layers: LayerSamples[]; timerNs: number }>({ study: 'local-layers', settings: study }, 'in-process');
    if (local) {
      results.layers.push(...local.layers);
      results.timerNs = local.timerNs;
      ctx.log(`layers  ${local.layers.map((l) => `${l.layer} p50 ${l.callP50Us.toFixed(1)} µs`).join(', ')}`);
    }
    for (const name of ctx.settings.servers) {
      // The layers probe speaks 2025-11-25: a 2026 variant's wiring is measured there under its own name.
      for (const wiring of [...ctx.settings.wirings, ...ctx.settings.compare].filter((w) => eraOf(w) === '2025-11-25')) {
        const protocol = serverEntry(name).saturationListener;
        const layers = await withServers(ctx, name, [{ wiring }, { echo: true }], ([mcp, echo]) =>
          probe<LayerSamples[]>(
            {
              study: 'http-layers',
              settings: study,
              target: { server: name, wiring, protocol, mcpUrl: (mcp?.urls[protocol] ?? mcp?.url) as string, echoUrl: echo?.url as string },
            },
            `${name}/${wiring}`,
          ),
        );
        if (!layers) continue;
        results.layers.push(...layers);
        ctx.log(`layers  ${`${name}/${wiring}`.padEnd(22)} ${layers.map((l) => `${l.layer} p50 ${l.callP50Us.toFixed(0)} µs`).join(', ')}`);
      }
    }
  }

  const wantsChannels = study.studies.includes('multiplex') || study.studies.includes('overhead');
  if (wantsChannels) {
    const h1 = ctx.settings.servers.find((s) => serverEntry(s).listeners.includes('http1'));
    const h2 = ctx.settings.servers.find((s) => serverEntry(s).listeners.includes('h2c'));
    const wiring = ctx.settings.wirings[0] ?? 'official';
    const names = [h1, h2].filter((s): s is string => s !== undefined);
    await withServers(ctx, names.join('+'), names.map((name) => ({ name, wiring })), async (servers) => {
      const urlOf = (name: string | undefined, protocol: 'http1' | 'h2c') =>
        servers.find((s) => s?.name === name)?.urls[protocol];
      const stdio: ChannelSpec = { kind: 'stdio', server: 'stdio', command: [...ctx.serverPin, process.execPath, stdioMain()] };
      const http = (kind: ChannelKind, name: string | undefined, protocol: 'http1' | 'h2c'): ChannelSpec[] => {
        const url = urlOf(name, protocol);
        return name && url ? [{ kind, server: name, url }] : [];
      };
      const multiplexChannels = [...http('h1-one', h1, 'http1'), ...http('h1-pool', h1, 'http1'), ...http('h2', h2, 'h2c'), stdio];
      const overheadChannels = [...http('h1-one', h1, 'http1'), ...http('h2', h2, 'h2c'), stdio];
      if (study.studies.includes('multiplex')) {
        for (const channel of multiplexChannels) {
          const rows = await probe<StudyResults['multiplex']>({ study: 'multiplex', settings: study, channel }, `${channel.server} ${channel.kind}`);
          if (!rows) continue;
          results.multiplex.push(...rows);
          const widest = rows.filter((r) => r.n === Math.max(...study.counts));
          ctx.log(`multiplex ${`${channel.server} ${channel.kind}`.padEnd(20)} N=${widest[0]?.n}: ${widest.map((r) => `${r.mode} ${ms(summarise(r.wallMs).median)}`).join(', ')}`);
        }
      }
      if (study.studies.includes('overhead')) {
        for (const channel of overheadChannels) {
          const rows = await probe<StudyResults['overhead']>({ study: 'overhead', settings: study, channel }, `${channel.server} ${channel.kind}`);
          if (!rows) continue;
          results.overhead.push(...rows);
          ctx.log(`overhead ${`${channel.server} ${channel.kind}`.padEnd(21)} ${rows
            .map((r) => `${r.calls}: client ${ms(summarise(r.clientMs).mean)} vs hand-written ${ms(summarise(r.handWrittenMs).mean)}`)
            .join(', ')}`);
        }
      }
      return null;
    });
  }

  if (study.studies.includes('coldstart')) {
    for (const name of study.coldTargets.filter((t) => t === 'stdio' || ctx.settings.servers.includes(t))) {
      const target = name === 'stdio' ? { name } : { name, wiring: ctx.settings.wirings[0] ?? 'official' };
      const samples = await probe<StudyResults['coldstart'][number]>({ study: 'coldstart', settings: study, target, serverPrefix: ctx.serverPin }, name);
      if (!samples) continue;
      results.coldstart.push(samples);
      const widest = samples.rows.at(-1);
      ctx.log(`coldstart ${name.padEnd(20)} start-up ${ms(summarise(samples.startupMs).median)}; N=${widest?.n}: sequential ${ms(
        summarise(widest?.sequentialMs ?? []).median,
      )}, coalesced ${ms(summarise(widest?.coalescedMs ?? []).median)}, start-ups ${Math.max(...(widest?.startups ?? [0]))}`);
    }
  }
  return results;
}

/** Starts the servers a probe needs (MCP servers in a wiring, or a raw echo), runs `use`, stops them. */
async function withServers<T>(
  ctx: StudyContext,
  label: string,
  wanted: { name?: string; wiring?: string; echo?: boolean }[],
  use: (servers: (RunningServer | undefined)[]) => Promise<T | null>,
): Promise<T | null> {
  const servers: RunningServer[] = [];
  try {
    for (const w of wanted) {
      const name = w.name ?? label;
      servers.push(
        await launchServer(name, {
          prefix: ctx.serverPin,
          ...(w.echo ? { program: 'echo' as const } : { env: { MCP_WIRING: wiringOf(w.wiring ?? 'official') } }),
        }),
      );
    }
    return await use(servers);
  } catch (error) {
    ctx.fail({ server: label, round: 0, stage: 'study', message: (error as Error).message });
    return null;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}
