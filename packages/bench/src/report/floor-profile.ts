// Where a wiring's handler spends its time, from the CPU profile the floor keeps of it: self time
// per package and the heaviest frames, each also as µs of the measured CPU per call, so that a
// cost can be named precisely enough to report it to the package's maintainers.
import type { FloorResult } from '../floor/mcp-floor.js';
import type { Ctx } from './context.js';
import { num, percent } from './format.js';
import type { Block } from './model.js';

const PACKAGES_SHOWN = 6;
const FRAMES_SHOWN = 10;

function profiled(floor: FloorResult): floor is FloorResult & { profile: NonNullable<FloorResult['profile']> } {
  return floor.profile !== undefined && floor.profile.samples > 0;
}

export function floorProfileBlocks(ctx: Ctx): Block[] {
  return (ctx.results.floor ?? []).filter(profiled).flatMap((floor): Block[] => {
    const usOf = (share: number) => num(share * floor.cpuUsPerCall, 1);
    const { profile } = floor;
    return [
      {
        kind: 'text',
        text: `**Where the ${floor.wiring} handler's time goes.** A CPU profile of the floor (${num(profile.samples)} samples over a second run as long as the measured one; kept as \`profiles/${profile.file}\`, which Chrome DevTools and speedscope open). Self time per package, then the heaviest frames; "µs per call" is the share of the measured ${num(floor.cpuUsPerCall, 1)} µs.`,
      },
      {
        kind: 'table',
        head: ['Package', 'Share of self time', 'µs per call'],
        rows: profile.packages.slice(0, PACKAGES_SHOWN).map((p) => [p.package, percent(p.selfShare, 1), usOf(p.selfShare)]),
      },
      {
        kind: 'table',
        head: ['Frame', 'Package', 'Share of self time', 'µs per call'],
        rows: profile.topFrames.slice(0, FRAMES_SHOWN).map((f) => [`\`${f.frame}\``, f.package, percent(f.selfShare, 1), usOf(f.selfShare)]),
      },
    ];
  });
}
