import { defineConfig } from 'vitest/config';

// Two cores on the reference machine: at most two test files run at once, each in its own
// process with its own database (PGlite copy or a PostgreSQL database cloned from a template).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // A worker process runs its files one after another without reloading the modules: loading
    // them took a fifth of the suite. Each file still gets its own database and app; shared
    // module state is caches only (no test mocks modules, timers or the environment).
    isolate: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
