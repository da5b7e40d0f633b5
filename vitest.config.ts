import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Deterministic: fixed time zone; no network is used by any test.
    env: { TZ: 'UTC' },
    // The JSON report is what .ci/run counts its closing `N passed, N failed` line from.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      { test: { name: 'unit', environment: 'node', include: ['tests/core/**/*.test.ts', 'tests/*.test.ts'] } },
      { test: { name: 'dom', environment: 'jsdom', include: ['tests/dom/**/*.test.ts'] } },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
