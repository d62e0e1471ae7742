// Report section: N calls one after another vs all at once over one connection (or pool, or pipe).
import type { ChannelKind, MultiplexSamples, StudyResults } from '../../studies/model.js';
import { summarise } from '../../stats.js';
import { num } from '../format.js';
import type { Block, Section } from '../model.js';
import { lineChart } from '../svg.js';
import { meanCi, msOf, runsNote, statisticsTable } from './stats-table.js';

export const CHANNEL_TITLES: Record<ChannelKind, string> = {
  'h1-one': 'HTTP/1.1, one keep-alive connection',
  'h1-pool': 'HTTP/1.1, a pool',
  h2: 'HTTP/2, one connection (h2c)',
  stdio: 'stdio, one pipe',
};

export function channelLabel(kind: ChannelKind, server: string, pool?: number): string {
  const title = kind === 'h1-pool' && pool ? `HTTP/1.1, a pool of ${pool}` : CHANNEL_TITLES[kind];
  return kind === 'stdio' ? title : `${title} to ${server}`;
}

export function multiplexSection(studies: StudyResults): Section {
  const rows = studies.multiplex;
  const { delayMs, poolConnections } = studies.settings;
  if (rows.length === 0) return { id: 'one-connection', title: 'Multiplexing on one connection', blocks: [] };
  const channels = [...new Map(rows.map((r) => [`${r.kind} ${r.server}`, r])).values()];
  const find = (c: MultiplexSamples, n: number, mode: MultiplexSamples['mode']) =>
    rows.find((r) => r.kind === c.kind && r.server === c.server && r.n === n && r.mode === mode);
  const waves = (r: MultiplexSamples | undefined) => (r ? summarise(r.wallMs).mean / delayMs : NaN);
  const h2 = rows.find((r) => r.kind === 'h2');

  const blocks: Block[] = [
    {
      kind: 'text',
      text: `N calls of a tool that awaits ${delayMs} ms, issued one after another and then all at once, over one connection, pool or pipe that stays open for the whole study, as in MCP Hangar's stdio finding. All at once ideally takes one delay; **waves** = wall time ÷ delay, so a transport or client that serialises calls shows up as waves ≈ N, and a hidden cap of k as waves ≈ ⌈N/k⌉. Waves also hold the CPU each call costs client and server (issuing N calls takes N × that): at a short delay it shows as waves creeping above 1 as N grows, at 100 ms (\`pnpm bench:multiplex\`) it all but vanishes. (The time of the n-th answer in a sequence of ${Math.max(...studies.settings.counts)} calls is the sequential wall time of n calls.)${
        h2?.connectionsOpened !== undefined ? ` HTTP/2 connections the client opened over its whole study: ${h2.connectionsOpened}.` : ''
      }`,
    },
    ...runsNote(studies.settings),
    {
      kind: 'table',
      head: ['transport', 'N', 'one after another', 'all at once', 'ideal', 'waves', 'speed-up'],
      rows: channels.flatMap((c) =>
        studies.settings.counts.map((n) => {
          const sequential = find(c, n, 'sequential');
          const concurrent = find(c, n, 'concurrent');
          const speedup = sequential && concurrent ? summarise(sequential.wallMs).mean / summarise(concurrent.wallMs).mean : NaN;
          return [
            channelLabel(c.kind, c.server, poolConnections),
            String(n),
            sequential ? meanCi(sequential.wallMs, msOf) : 'n/a',
            concurrent ? meanCi(concurrent.wallMs, msOf) : 'n/a',
            msOf(delayMs),
            num(waves(concurrent), 2),
            Number.isFinite(speedup) ? `×${num(speedup, 1)}` : 'n/a',
          ];
        }),
      ),
    },
    {
      kind: 'chart',
      id: 'waves',
      alt: 'Waves (wall time ÷ delay) of N calls issued at once, per transport',
      svg: lineChart({
        id: 'waves',
        title: `Waves of N calls at once (wall ÷ ${delayMs} ms delay; 1 = fully concurrent)`,
        xLabel: 'N calls at once',
        yLabel: 'waves',
        series: channels.map((c) => ({
          name: channelLabel(c.kind, c.server, poolConnections),
          points: studies.settings.counts.map((n): [number, number] => [n, waves(find(c, n, 'concurrent'))]),
        })),
      }),
    },
    { kind: 'text', text: 'Statistics of the wall time per run:' },
    statisticsTable(
      rows.map((r) => ({ label: `${channelLabel(r.kind, r.server, poolConnections)}, N=${r.n}, ${r.mode === 'sequential' ? 'one after another' : 'all at once'}`, samples: r.wallMs })),
      msOf,
    ),
  ];
  return { id: 'one-connection', title: 'Multiplexing on one connection', blocks };
}
