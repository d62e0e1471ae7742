// The README's generated blocks: each between two markers, rewritten whole, never edited by hand.

const begin = (name: string) => `<!-- generated: ${name} (pnpm readme; do not edit by hand) -->`;
const end = (name: string) => `<!-- end generated: ${name} -->`;

/** `readme` with each named block's text between its markers replaced; a missing marker is an error. */
export function syncBlocks(readme: string, blocks: Record<string, string>): string {
  let out = readme;
  for (const [name, text] of Object.entries(blocks)) {
    const from = out.indexOf(begin(name));
    const to = out.indexOf(end(name));
    if (from < 0 || to < from) throw new Error(`README has no "${begin(name)}" … "${end(name)}" markers`);
    out = `${out.slice(0, from + begin(name).length)}\n${text.trim()}\n${out.slice(to)}`;
  }
  return out;
}
