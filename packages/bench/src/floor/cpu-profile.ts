// A CPU profile of code running in this process (V8's sampling profiler, through the inspector),
// kept as a .cpuprofile file (Chrome DevTools and speedscope open it) and summarised as its
// heaviest frames by self time, each with the package its code is in, so that a reader sees
// whose code a call's time is spent in.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Session } from 'node:inspector/promises';

export interface ProfileFrame {
  /** `function file:line`, or V8's own name for time outside JavaScript ("(garbage collector)"). */
  frame: string;
  /** The npm package the code is in, "node" for Node's own, "ours" for this project's, "V8" for the engine's. */
  package: string;
  /** Share of all samples spent in this frame itself. */
  selfShare: number;
}

export interface ProfileSummary {
  /** The .cpuprofile's file name, beside the run's results. */
  file: string;
  samples: number;
  topFrames: ProfileFrame[];
  /** Self time per package, heaviest first. */
  packages: { package: string; selfShare: number }[];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

const TOP_FRAMES = 15;

export async function profileWhile<T>(file: string, run: () => Promise<T>): Promise<{ value: T; summary: ProfileSummary }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    const value = await run();
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(profile));
    return { value, summary: summarise(file, profile.nodes as ProfileNode[]) };
  } finally {
    session.disconnect();
  }
}

export function summarise(file: string, nodes: readonly ProfileNode[]): ProfileSummary {
  // Keyed by the whole URL, so that two packages' `index.js:67` stay apart; shown by file name.
  const frames = new Map<string, { frame: string; package: string; hits: number }>();
  let samples = 0;
  for (const node of nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    samples += hits;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? ` ${url.split('/').at(-1)}:${lineNumber + 1}` : '';
    const key = `${functionName}|${url}|${lineNumber}`;
    const entry = frames.get(key) ?? { frame: `${functionName || '(anonymous)'}${where}`, package: packageOf(url), hits: 0 };
    entry.hits += hits;
    frames.set(key, entry);
  }
  const share = (hits: number) => (samples === 0 ? 0 : Math.round((hits / samples) * 1000) / 1000);
  const byPackage = new Map<string, number>();
  for (const { package: name, hits } of frames.values()) byPackage.set(name, (byPackage.get(name) ?? 0) + hits);
  return {
    file: file.split('/').at(-1) ?? file,
    samples,
    topFrames: [...frames.values()]
      .sort((a, b) => b.hits - a.hits)
      .slice(0, TOP_FRAMES)
      .map(({ frame, package: name, hits }) => ({ frame, package: name, selfShare: share(hits) })),
    packages: [...byPackage.entries()].sort((a, b) => b[1] - a[1]).map(([name, hits]) => ({ package: name, selfShare: share(hits) })),
  };
}

/** The package a script URL belongs to: the last node_modules/<name> (scoped names whole) in its path. */
export function packageOf(url: string): string {
  if (url === '') return 'V8';
  if (url.startsWith('node:')) return 'node';
  const at = url.lastIndexOf('/node_modules/');
  if (at === -1) return 'ours';
  const [first, second] = url.slice(at + '/node_modules/'.length).split('/');
  return first?.startsWith('@') ? `${first}/${second}` : (first ?? 'ours');
}
