/**
 * Baseline B0: single-row INSERT transactions per second on the same PostgreSQL server, the
 * ceiling of "one write per request" that the platform's submissions can be held against. Uses
 * pgbench when installed (a C client: the measurement is the server's, not a Node driver's),
 * otherwise a loop of `pg` clients.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** The table the baseline writes into: a row about as wide as a submitted case. */
export const INSERT_TABLE_SQL = `CREATE TABLE bench_inserts (id bigserial PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now(), payload jsonb NOT NULL)`;
const PAYLOAD = JSON.stringify({ note: 'x'.repeat(1200) });
const INSERT_SQL = `INSERT INTO bench_inserts (payload) VALUES ('${PAYLOAD}'::jsonb)`;

/** The pgbench binary, or undefined when none is installed. */
export function findPgbench(): string | undefined {
  const debianVersions = fs.existsSync('/usr/lib/postgresql') ? fs.readdirSync('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin/pgbench`) : [];
  return ['/usr/bin/pgbench', '/usr/local/bin/pgbench', ...debianVersions].find((p) => fs.existsSync(p));
}

/** Transactions per second with pgbench: `clients` connections, each committing one INSERT at a time. */
export async function pgbenchInserts(pgbench: string, databaseUrl: string, clients: number, seconds: number, scratchDir: string): Promise<number> {
  const script = path.join(scratchDir, 'insert.sql');
  fs.writeFileSync(script, `${INSERT_SQL};\n`);
  const { stdout } = await run(pgbench, ['-n', '-M', 'prepared', '-c', String(clients), '-j', String(Math.min(clients, 4)), '-T', String(seconds), '-f', script, databaseUrl]);
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1];
  // A short run on a busy machine can spend all its time connecting 32 clients: try once longer.
  if (!tps && seconds < 4) return pgbenchInserts(pgbench, databaseUrl, clients, seconds * 2, scratchDir);
  if (!tps) throw new Error(`pgbench printed no tps:\n${stdout}`);
  return Number(tps);
}

/** The same with `pg` clients in this process, for machines without pgbench. */
export async function pgLoopInserts(databaseUrl: string, clients: number, seconds: number): Promise<number> {
  const pool = Array.from({ length: clients }, () => new pg.Client({ connectionString: databaseUrl }));
  await Promise.all(pool.map((c) => c.connect()));
  try {
    const started = performance.now();
    const end = started + seconds * 1000;
    const counts = await Promise.all(
      pool.map(async (c) => {
        let n = 0;
        while (performance.now() < end) {
          await c.query({ name: 'bench-insert', text: INSERT_SQL });
          n++;
        }
        return n;
      }),
    );
    return counts.reduce((a, b) => a + b, 0) / ((performance.now() - started) / 1000);
  } finally {
    await Promise.all(pool.map((c) => c.end()));
  }
}
