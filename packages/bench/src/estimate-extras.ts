// What the run leaves out, and how long each would add: printed with the estimate so a person
// can choose what to add to the default run, knowing its price.
import { PEERS, SERVERS } from '@mcp-runtimes/registry';
import type { BenchSettings } from './results.js';
import { estimateSeconds } from './estimate.js';
import { STUDY_NAMES } from './studies/model.js';

interface Extra {
  flag: string;
  with: (s: BenchSettings) => BenchSettings;
}

const SDK_COMPARED = ['official', 'v2-official', 'v2-official@2026', 'v2-tuned', 'v2-tuned@2026'];
const OTHER_NODE_LINES = ['node-http@node20'];
const OPT_IN = SERVERS.filter((s) => s.optIn).map((s) => s.name);

const EXTRAS: readonly Extra[] = [
  { flag: '--studies all', with: (s) => ({ ...s, studies: { ...s.studies, studies: [...STUDY_NAMES] } }) },
  { flag: '--peers all', with: (s) => ({ ...s, peers: PEERS.map((p) => p.name) }) },
  { flag: `--compare ${SDK_COMPARED.join(',')}`, with: (s) => ({ ...s, compare: SDK_COMPARED.filter((w) => !s.wirings.includes(w)) }) },
  { flag: `--servers …,${OTHER_NODE_LINES.join(',')}`, with: (s) => ({ ...s, servers: [...new Set([...s.servers, ...OTHER_NODE_LINES])] }) },
  { flag: `--servers …,${OPT_IN.join(',')}`, with: (s) => ({ ...s, servers: [...new Set([...s.servers, ...OPT_IN])] }) },
];

/** Each extra that would change this run, with the minutes it adds to the estimate. */
export function extrasNotRun(settings: BenchSettings): { flag: string; addsSeconds: number }[] {
  if (settings.scenarios.length === 0) return [];
  const base = estimateSeconds(settings);
  return EXTRAS.map((e) => ({ flag: e.flag, addsSeconds: estimateSeconds(e.with(settings)) - base })).filter((e) => e.addsSeconds > 30);
}
