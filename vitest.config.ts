import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'e2e/**/*.test.ts', 'scripts/**/*.test.ts'],
    globalSetup: ['src/server/testing/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one worker less than the cores: a single worker on the 2-core CI
    // machine, so the browser tests (mostly waiting on a server and Chromium) ran one after the
    // other. Two workers overlap that waiting with the database tests.
    maxWorkers: 2,
  },
});
