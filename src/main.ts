/**
 * Process entry for `npm start`: the embedded run. Opens the database (PGlite in DATA_DIR unless
 * DATABASE_URL is set), applies migrations, seeds the founding municipalities on first start,
 * serves the web application and — unless RUN_WORKER_IN_WEB=false — runs the job worker in the
 * same process. SIGTERM/SIGINT finish in-flight requests and jobs before exiting.
 */
import { loadSettings } from './config/settings.js';
import { runUntilSignalled } from './run-process.js';

async function main(): Promise<number> {
  const settings = loadSettings();
  return runUntilSignalled(settings, { web: true, worker: settings.runWorkerInWeb });
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`Start failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
