import { defineConfig } from 'vitest/config';

/**
 * Four projects:
 * - unit: pure functions and schemas (fast, no build needed);
 * - cli: tests that start programs and wait for them (nginx, the npm commands, whole builds);
 * - site: assertions over the built site in dist/ (`npm test` builds it first);
 * - browser: Chromium (Debian's /usr/bin/chromium via playwright-core) over dist/.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      // Tests that start programs (nginx, the npm commands, whole builds) and wait for them.
      { test: { name: 'cli', include: ['tests/cli/**/*.test.ts'], environment: 'node', testTimeout: 300_000, hookTimeout: 600_000 } },
      { test: { name: 'site', include: ['tests/site/**/*.test.ts'], environment: 'node', testTimeout: 120_000 } },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
