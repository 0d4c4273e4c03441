import { defineConfig } from 'vitest/config';

// Two cores on the reference machine: at most two test files run at once, each in its own
// process with its own database (PGlite copy or a PostgreSQL database cloned from a template).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 90_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
