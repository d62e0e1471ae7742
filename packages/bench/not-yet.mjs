// Holds the place of `pnpm bench:all` until the runner exists, and says so instead of pretending.
console.error(
  'pnpm bench:all: the benchmark runner is not implemented yet (tracked as issue 3).\n' +
    'What works today: the four servers, the reference client and the test suites; see README.md.',
);
process.exit(1);
