/**
 * A fresh installation of the platform for one scenario: an empty PostgreSQL database on the
 * bench's server (or an empty PGlite data directory), a data directory for files, one secret for
 * all its processes, and an SMTP sink for the mail its workers send. `close` removes it all.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Installation } from './app-process.js';
import { createBenchDatabase, type BenchDatabase } from './postgres-admin.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';

export interface BenchInstallation extends Installation {
  /** The PostgreSQL database (absent for PGlite). */
  database?: BenchDatabase;
  smtp: SmtpSink;
  close(): Promise<void>;
}

/** Creates an installation under `workDir/name`, on PostgreSQL when `postgresUrl` is given, else on PGlite. */
export async function createInstallation(workDir: string, name: string, postgresUrl?: string): Promise<BenchInstallation> {
  const dataDir = path.join(workDir, name);
  fs.mkdirSync(dataDir, { recursive: true });
  const smtp = await startSmtpSink();
  const database = postgresUrl ? await createBenchDatabase(postgresUrl) : undefined;
  return {
    dataDir,
    secret: randomBytes(32).toString('base64url'),
    smtpUrl: smtp.url,
    smtp,
    ...(database ? { database, databaseUrl: database.url } : {}),
    async close() {
      await database?.drop();
      await smtp.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
