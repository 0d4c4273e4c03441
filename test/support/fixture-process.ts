/**
 * Process entry for tests that spawn the real server (`node --import tsx
 * test/support/fixture-process.ts`): the same embedded run as `src/main.ts` — settings from the
 * environment, web and worker, stopped by SIGTERM — but with the fixture procedures of
 * test/fixtures/ instead of the application's, so the journey can be driven end to end.
 */
import { loadSettings } from '../../src/config/settings.js';
import { runUntilSignalled } from '../../src/run-process.js';
import { fixturePackages } from './service-fixtures.js';

const settings = loadSettings();
runUntilSignalled(settings, { web: true, worker: settings.runWorkerInWeb }, { packages: fixturePackages() }).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`Start failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
