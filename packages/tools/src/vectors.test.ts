import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VECTORS_PATH, buildVectors, stableJson, writeVectors } from './vectors.js';

const REGENERATE = 'regenerate it with: UPDATE_VECTORS=1 pnpm --filter @mcp-runtimes/tools test';

describe('vectors.json (the Python peers check their port against it)', () => {
  it('is what the code generates now', async () => {
    if (process.env.UPDATE_VECTORS === '1') await writeVectors();
    expect(existsSync(VECTORS_PATH), `${VECTORS_PATH} is missing: ${REGENERATE}`).toBe(true);
    const committed = readFileSync(VECTORS_PATH, 'utf8');
    expect(committed, `vectors.json is stale: ${REGENERATE}`).toBe(stableJson(await buildVectors()));
  });
});
