// Report section: N first calls to a server that is not running yet, coalesced into one start-up.
import type { StudyResults } from '../../studies/model.js';
import { summarise } from '../../stats.js';
import { num } from '../format.js';
import type { Block, Section } from '../model.js';
import { barChart } from '../svg.js';
import { meanCi, msOf, runsNote, statisticsTable } from './stats-table.js';

export function coldStartSection(studies: StudyResults): Section {
  const targets = studies.coldstart;
  if (targets.length === 0) return { id: 'cold-start', title: 'Cold start: one start-up for N first calls', blocks: [] };
  const { delayMs, startupDelayMs } = studies.settings;
  const name = (target: string, wiring?: string) => (target === 'stdio' ? 'stdio server (the client spawns it)' : `${target} (${wiring}; a launcher starts it)`);
  const blocks: Block[] = [
    {
      kind: 'text',
      text: `N calls (a tool that awaits ${delayMs} ms) to a server that is not running. The reference client's \`OnDemand\` starts it on the first call; calls that arrive while it is starting wait for that same start-up (single flight). **One after another**: the first call starts the server, the rest find it running. **At once**: all N share one start-up. Start-up is spawn to MCP-initialized, with ${startupDelayMs} ms of simulated initialisation (\`MCP_STARTUP_DELAY_MS\`) on top of the real start. Start-ups are counted from the processes actually started in each run: they must be 1.`,
    },
    ...runsNote(studies.settings),
  ];
  for (const t of targets) {
    const startup = summarise(t.startupMs);
    blocks.push({
      kind: 'text',
      text: `**${name(t.target, t.wiring)}**: start-up median ${msOf(startup.median)}, p95 ${msOf(startup.p95)} (${num(startup.n)} start-ups measured).`,
    });
    blocks.push({
      kind: 'table',
      head: ['N', 'one after another', 'at once (coalesced)', 'ideal (start-up + one call)', 'speed-up', 'start-ups per run'],
      rows: t.rows.map((r) => {
        const speedup = summarise(r.sequentialMs).mean / summarise(r.coalescedMs).mean;
        const ups = new Set(r.startups);
        return [
          String(r.n),
          meanCi(r.sequentialMs, msOf),
          meanCi(r.coalescedMs, msOf),
          msOf(startup.median + delayMs),
          `×${num(speedup, 1)}`,
          ups.size === 1 && ups.has(1) ? '1' : `**${[...ups].sort().join(', ')}** (expected 1)`,
        ];
      }),
    });
    blocks.push({
      kind: 'chart',
      id: `cold-start-${t.target}`,
      alt: `Cold start wall time for N first calls, ${t.target}`,
      svg: barChart({
        id: `cold-start-${t.target}`,
        title: `${name(t.target, t.wiring)}: N first calls (ms)`,
        yLabel: 'ms',
        categories: t.rows.map((r) => `N=${r.n}`),
        series: ['one after another', 'at once (one start-up)'],
        values: t.rows.map((r) =>
          [r.sequentialMs, r.coalescedMs].map((samples) => {
            const s = summarise(samples);
            return { value: s.mean, ci: s.ci95 };
          }),
        ),
      }),
    });
    blocks.push(
      statisticsTable(
        [
          { label: `${t.target} start-up`, samples: t.startupMs },
          ...t.rows.flatMap((r) => [
            { label: `${t.target} N=${r.n} one after another`, samples: r.sequentialMs },
            { label: `${t.target} N=${r.n} at once`, samples: r.coalescedMs },
          ]),
        ],
        msOf,
      ),
    );
  }
  return { id: 'cold-start', title: 'Cold start: one start-up for N first calls', blocks };
}
