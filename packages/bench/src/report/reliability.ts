// Report section: how each server behaves past its limit, when stopped under load, and over a soak.
import type { PhaseResult, ReliabilityResults } from '../reliability/model.js';
import { soakPassed, soakSlope } from '../reliability/soak-slope.js';
import { bytes, num } from './format.js';
import type { Block, Section } from './model.js';
import { lineChart } from './svg.js';

const ms = (v: number) => `${num(v, v < 10 ? 1 : 0)} ms`;
const rate = (count: number, seconds: number) => `${num(count / seconds)}/s`;

export function reliabilitySection(r: ReliabilityResults): Section {
  const s = r.settings;
  const blocks: Block[] = [];
  if (r.overload.length > 0) {
    blocks.push({
      kind: 'text',
      text: `**Overload.** Each server (${s.wiring} wiring, default limits: \`MCP_MAX_IN_FLIGHT\`=${r.overload[0]?.maxInFlight}) is first saturated (wrk/h2load, ${s.saturationSeconds} s) to find its limit, then driven open-loop (requests leave on schedule whatever the server does) at half of it for ${s.phaseSeconds} s, at **${s.overloadFactor}× it for ${s.overloadSeconds} s**, and at half again. *Held* is correct answers per second; *shed* are 503 + Retry-After answers (the limit at work, not errors); *errors* are anything else (another status, a wrong answer, a broken connection, no answer). Every answer's body is checked against its own request.`,
    });
    blocks.push({
      kind: 'table',
      head: ['server', 'saturation', 'offered', 'held', 'shed', 'errors', 'p99 (answered)', 'shed p99', 'peak RSS', 'p99 before → after', 'exit'],
      rows: r.overload.map((o) => {
        const [before, over, after] = o.phases as [PhaseResult, PhaseResult, PhaseResult];
        return [
          o.server,
          `${num(o.saturationRps)}/s`,
          rate(over.offered, over.seconds),
          rate(over.ok, over.seconds),
          `${num(over.shed)} (${num((100 * over.shed) / Math.max(1, over.offered), 1)}%)`,
          String(over.errors + before.errors + after.errors),
          ms(over.p99Ms),
          ms(over.shedP99Ms),
          bytes(Math.max(before.peakRssBytes, over.peakRssBytes, after.peakRssBytes)),
          `${ms(before.p99Ms)} → ${ms(after.p99Ms)}`,
          o.exitCode === 0 ? '0' : `**${o.exitCode}**`,
        ];
      }),
    });
    const samples = r.overload.flatMap((o) => o.phases.flatMap((p) => p.errorSamples.map((e) => `${o.server} (${p.phase}): ${e}`)));
    if (samples.length > 0) blocks.push({ kind: 'list', items: samples.slice(0, 10) });
  }
  if (r.shutdown.length > 0) {
    blocks.push({
      kind: 'text',
      text: `**SIGTERM under load.** ${r.shutdown[0]?.clients} clients call as fast as they are answered; after 1 s the server gets SIGTERM. It must answer every request it accepted (it prints how many it took on and answered), refuse new ones, and exit 0 within its deadline (\`MCP_SHUTDOWN_TIMEOUT_MS\`). *Lost* = accepted by the server but not received complete by a client.`,
    });
    blocks.push({
      kind: 'table',
      head: ['server', 'accepted', 'answered', 'received complete', 'lost', 'broken', 'refused (never accepted)', 'exit', 'SIGTERM → exit'],
      rows: r.shutdown.map((d) => {
        const lost = d.accepted === null ? null : d.accepted - d.received;
        return [
          d.server,
          d.accepted === null ? '?' : num(d.accepted),
          d.answered === null ? '?' : num(d.answered),
          num(d.received),
          lost === 0 ? '0' : `**${lost ?? '?'}**`,
          d.broken === 0 ? '0' : `**${d.broken}**`,
          num(d.refused),
          d.exitCode === 0 ? '0' : `**${d.exitCode}**`,
          `${num(d.exitMs)} ms (deadline ${num(d.deadlineMs)} ms)`,
        ];
      }),
    });
  }
  if (r.soak.length > 0) {
    blocks.push({
      kind: 'text',
      text: `**Soak.** ${num(s.soakRate)} requests/s, open-loop, for ${num(r.soak[0]?.seconds ?? 0)} s per server, RSS sampled every second${s.soakFullGcEveryMs ? `, a full GC forced in the server every ${num(s.soakFullGcEveryMs / 1000)} s (so a short soak's RSS follows what the server holds, not when V8 collects)` : ''}${s.soakV8Flags?.length ? `, V8 given \`${s.soakV8Flags.join(' ')}\` where the runtime is V8 (a small young generation, so RSS follows what is live)` : ''}. The slope is a least-squares fit after the first ${num(s.soakWarmupFraction * 100)}% (warm-up); above ${s.soakSlopeBoundMiBPerMin} MiB/min, or any error, fails the soak.${(r.soak[0]?.seconds ?? 0) < 120 ? ' Runs this short show that nothing breaks, not a slow leak: `pnpm bench:soak` runs 10 minutes a server.' : ''}`,
    });
    blocks.push({
      kind: 'table',
      head: ['server', 'answered', 'errors', 'p99', 'RSS start → end', 'RSS slope after warm-up', 'verdict'],
      rows: r.soak.map((k) => {
        const slope = soakSlope(k, s.soakWarmupFraction);
        const passed = soakPassed(k, s.soakSlopeBoundMiBPerMin, s.soakWarmupFraction);
        return [
          k.server,
          num(k.ok),
          k.errors === 0 ? '0' : `**${k.errors}**`,
          ms(k.p99Ms),
          `${bytes(k.rss[0]?.[1] ?? 0)} → ${bytes(k.rss.at(-1)?.[1] ?? 0)}`,
          `${num(slope, 2)} MiB/min`,
          passed ? 'pass' : '**FAIL**',
        ];
      }),
    });
    blocks.push({
      kind: 'chart',
      id: 'soak-rss',
      alt: 'Server RSS over the soak',
      svg: lineChart({
        id: 'soak-rss',
        title: 'RSS during the soak (MiB)',
        xLabel: 'seconds',
        yLabel: 'MiB',
        series: r.soak.map((k) => ({ name: k.server, points: k.rss.map(([t, b]) => [t, b / 2 ** 20] as [number, number]) })),
      }),
    });
  }
  return { id: 'reliability', title: 'Reliability: overload, shutdown under load, soak', blocks };
}
