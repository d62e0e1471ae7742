import { defineConfig } from 'vitest/config';

// The docker-compose demo in real containers (minutes, needs root for dockerd and debootstrap),
// kept out of the unit tests and the smoke run; `pnpm test` runs it last.
export default defineConfig({
  test: { include: ['src/**/*.docker.ts'], testTimeout: 5 * 60_000, hookTimeout: 45 * 60_000 },
});
