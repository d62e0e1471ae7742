import fs from 'node:fs';
import path from 'node:path';

export * from 'node:fs';
export default fs;

/** The only form the CLI uses: `**\/<file name>` under `cwd`. Anything else is refused loudly. */
export function globSync(pattern, options = {}) {
  const match = /^\*\*\/([^*?[\]{}/]+)$/.exec(pattern);
  if (!match) throw new Error(`node20 globSync shim supports only "**/<name>", got "${pattern}"`);
  const root = options.cwd ?? process.cwd();
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = dir ? path.join(dir, entry.name) : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (entry.name === match[1]) found.push(rel);
    }
  };
  walk('');
  return found;
}
