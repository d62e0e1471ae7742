// How a case and a cell are put into words, shared by the report's sections.
import { scenario } from '../scenarios.js';
import { GENERATOR_BOUND, type Case, type Cell } from '../summarise.js';
import { num, percent } from './format.js';

/** A case's title; `withWiring: false` leaves the wiring out (the peers' tables set ours beside theirs). */
export function caseTitle(c: Case, withWiring = true): string {
  const wiring = c.wiring && withWiring ? ` (${c.wiring})` : '';
  if (c.scenario === 'saturation-mcp') return `Saturation: MCP tools/call${wiring}`;
  if (c.scenario === 'saturation-raw') return 'Saturation: raw JSON echo';
  if (c.fraction !== undefined) return `Latency vs load @ ${percent(c.fraction, 0)} of ${c.of === 'own' ? 'each server\'s own' : 'the slowest server\'s'} saturation${wiring}`;
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
