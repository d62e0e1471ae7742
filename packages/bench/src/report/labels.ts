// How a case and a cell are put into words, shared by the report's sections.
import { scenario } from '../scenarios.js';
import { GENERATOR_BOUND, type Case, type Cell } from '../summarise.js';
import { num, percent } from './format.js';
import type { Rounds } from './summary.js';

/** A case's title; `withWiring: false` leaves the wiring out (the peers' tables set ours beside theirs). */
export function caseTitle(c: Case, withWiring = true): string {
  const wiring = c.wiring && withWiring ? ` (${c.wiring})` : '';
  if (c.scenario === 'saturation-mcp') return `Saturation: MCP tools/call${wiring}`;
  if (c.scenario === 'saturation-raw') return 'Saturation: raw JSON echo';
  if (c.fraction !== undefined) return `${c.scenario === 'latency-raw' ? 'Raw JSON echo at the MCP curve\'s rate' : 'Latency vs load'} @ ${percent(c.fraction, 0)} of ${c.of === 'own' ? 'each server\'s own' : 'the slowest server\'s'} saturation${wiring}`;
  const title = scenario(c.scenario).title;
  return `${title}${c.rate !== undefined ? ` @ ${num(c.rate)}/s` : ''}${c.op ? `: ${c.op}` : ''}${wiring}`;
}

/** Who was busy: the server's share of its core and the generator's, beside a figure. */
export function busy(x: Cell): string {
  return ` (server ${percent(x.serverUtilisation, 0)} · generator ${percent(x.generatorUtilisation, 0)}${x.generatorUtilisation >= GENERATOR_BOUND ? ' †' : ''})`;
}

/** The server's and the generator's share of a core, as a table cell: "100% · 5%", † when the generator was the bound. */
export function cpuShares(x: Cell): string {
  return `${percent(x.serverUtilisation, 0)} · ${percent(x.generatorUtilisation, 0)}${x.generatorUtilisation >= GENERATOR_BOUND ? ' †' : ''}`;
}

/** How many pairing units the figures are over, counted from the measurements: rounds, or slices where saturation is sliced. */
export function roundsText(r: Rounds): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const saturation = r.launches !== null ? `${plural(r.saturation, 'interleaved slice')} from ${plural(r.launches, 'start')} of each server` : plural(r.saturation, 'interleaved round');
  if (r.saturation === 0) return plural(r.other, 'interleaved round');
  if (r.other === 0 || (r.saturation === r.other && r.launches === null)) return saturation;
  return `${saturation} at saturation and ${plural(r.other, 'interleaved round')} in the other scenarios`;
}

/** The pairing units of saturation in a few words: "3 rounds", "12 slices". */
export function saturationUnits(r: Rounds): string {
  const word = r.launches !== null ? 'slice' : 'round';
  return `${r.saturation} ${word}${r.saturation === 1 ? '' : 's'}`;
}
