#!/usr/bin/env node
// pnpm readme: rewrites the README's generated blocks from the committed runs; --check only compares.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readmeBlocks } from './blocks.js';
import { syncBlocks } from './sync.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const path = `${root}README.md`;
const current = readFileSync(path, 'utf8');
const wanted = syncBlocks(current, readmeBlocks(root));
if (process.argv.includes('--check')) {
  if (wanted !== current) {
    console.error('README.md: its generated blocks differ from the committed runs: run pnpm readme');
    process.exitCode = 1;
  }
} else if (wanted !== current) {
  writeFileSync(path, wanted);
  console.log('README.md: generated blocks rewritten');
}
