// The conformance CLI imports `globSync` from node:fs, which Node 20 lacks (it arrived in 22).
// This hook gives the CLI an fs module with a small globSync; loaded with `node --import`.
import { register } from 'node:module';

if (typeof (await import('node:fs')).globSync !== 'function') {
  register('./node20-hooks.mjs', import.meta.url);
}
