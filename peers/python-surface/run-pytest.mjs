// `pnpm test` of the Python surface: its pytest suite in its own venv (scripts/install-python-peers.sh makes it).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const python = `${here}.venv/bin/python`;
if (!existsSync(python)) {
  console.error(`run scripts/setup.sh first: ${python} is missing (or run scripts/install-python-peers.sh)`);
  process.exit(1);
}
const run = spawnSync(python, ['-m', 'pytest', '-q'], { cwd: here, stdio: 'inherit' });
process.exit(run.status ?? 1);
