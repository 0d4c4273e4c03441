/**
 * Process entry for `npm start`: the embedded run. Opens the database (PGlite in DATA_DIR unless
 * DATABASE_URL is set), applies migrations, seeds the founding municipalities on first start,
 * and serves the web application. SIGTERM/SIGINT finish in-flight requests before exiting.
 */
import { createApp } from './app.js';
import { loadSettings } from './config/settings.js';
import { databaseTargetFromSettings, openDatabase } from './platform/db/database.js';
import { migrate } from './platform/db/migrate.js';
import { resolveAppSecret } from './platform/secret.js';
import { seedPlatform } from './modules/tenants/seed.js';

async function main(): Promise<void> {
  const started = Date.now();
  const settings = loadSettings();
  const secret = resolveAppSecret(settings);
  const db = await openDatabase(databaseTargetFromSettings(settings));
  await migrate(db);
  if (settings.seedDemo) {
    const seeded = await seedPlatform(db, { demoStaff: true });
    if (seeded.demoAccounts.length > 0) {
      // Printed once, on the console only: demo passwords are random and never stored in clear.
      const lines = seeded.demoAccounts.map((a) => `  ${a.email.padEnd(38)} ${a.password}  (${a.role}${a.tenantSlug ? `, ${a.tenantSlug}` : ''})`);
      process.stdout.write(`\nDemo staff accounts (shown only now; reset with "npx rathaus user reset-password"):\n${lines.join('\n')}\n\n`);
    }
  }
  const app = await createApp({ settings, db, secret });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), settings.shutdownGraceSeconds * 1000);
    timer.unref();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  await app.listen({ port: settings.port, host: settings.host });
  app.log.info({ ms: Date.now() - started, database: db.kind }, 'ready');
}

main().catch((err: unknown) => {
  process.stderr.write(`Start failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
