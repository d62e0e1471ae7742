import { defineConfig } from 'vitest/config';

// These suites start real servers and the conformance CLI: give them room, and run files in parallel.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
