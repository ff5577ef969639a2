import { defineConfig } from 'vitest/config';

/** Browser tests against the built dist/ (npm run build first); kept apart from the unit tests, which need no build. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The first query of a page fetches Pagefind's WebAssembly and index; on a busy 2-core machine that can pass
    // the 1 s default. Waits are for correctness here: speed is measured by npm run bench:search.
    expect: { poll: { timeout: 10_000 } },
  },
});
