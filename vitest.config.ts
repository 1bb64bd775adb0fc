import { defineConfig } from 'vitest/config';

/**
 * Three projects:
 * - unit: pure functions and schemas (fast, no build needed);
 * - site: assertions over the built site in dist/ (`npm test` builds it first);
 * - browser: Chromium (Debian's /usr/bin/chromium via playwright-core) over dist/.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'site', include: ['tests/site/**/*.test.ts'], environment: 'node', testTimeout: 120_000 } },
      { test: { name: 'cli', include: ['tests/cli/**/*.test.ts'], environment: 'node', testTimeout: 180_000 } },
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
