// Framework overhead: the same calls through the reference client (the SDK Client) and as
// hand-written JSON-RPC on the same connection, paired run by run with the order alternating.
// At the I/O boundary (the tool awaits) the difference should vanish into noise; with a trivial
// tool it is the client's own per-call cost.
import { openChannel, type Channel } from './channels.js';
import type { ChannelSpec, OverheadSamples, StudySettings } from './model.js';
import { repeat, wallMs } from './timing.js';

export async function measureOverhead(settings: StudySettings, spec: ChannelSpec): Promise<OverheadSamples[]> {
  const channel = await openChannel(spec, settings.poolConnections);
  try {
    const rows: OverheadSamples[] = [];
    for (const calls of ['io', 'trivial'] as const) {
      const delayMs = calls === 'io' ? settings.delayMs : 0;
      const clientMs: number[] = [];
      const handWrittenMs: number[] = [];
      let taskId = 0;
      const batch = (send: Channel['call']) =>
        wallMs(() => Promise.all(Array.from({ length: settings.overheadCalls }, () => send(`ovh-${++taskId}`, delayMs))));
      await repeat(settings.warmupRuns, settings.runs, async (run) => {
        const clientFirst = run % 2 === 0;
        const first = await batch(clientFirst ? channel.call : channel.handWritten);
        const second = await batch(clientFirst ? channel.handWritten : channel.call);
        if (run < 0) return;
        clientMs.push(clientFirst ? first : second);
        handWrittenMs.push(clientFirst ? second : first);
      });
      rows.push({ kind: spec.kind, server: spec.server, calls, n: settings.overheadCalls, delayMs, clientMs, handWrittenMs });
    }
    return rows;
  } finally {
    await channel.close();
  }
}
