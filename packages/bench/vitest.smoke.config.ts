import { defineConfig } from 'vitest/config';

// The CI smoke run of `pnpm bench:all --quick` (slow: minutes), kept out of the unit tests.
export default defineConfig({
  test: { include: ['src/**/*.smoke.ts'], testTimeout: 9 * 60_000, hookTimeout: 9 * 60_000 },
});
