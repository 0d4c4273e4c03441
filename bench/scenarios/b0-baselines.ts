/**
 * B0: what this machine itself sets as the ceiling, measured in the same run as everything else
 * — single-row INSERT transactions per second on the same PostgreSQL at 1, 8 and 32 clients, and
 * a bare Fastify "hello" route on the same Node under the same HTTP load as the pages.
 */
import { CLIENTS, INSERT_SECONDS, PAGE_SECONDS } from '../lib/bench-config.js';
import { startHelloServer } from '../lib/hello-process.js';
import { findPgbench, INSERT_TABLE_SQL, pgbenchInserts, pgLoopInserts } from '../lib/insert-baseline.js';
import { withLoadGenerator, type LoadSpec } from '../lib/load.js';
import { measurement, repeat, repeatLoad } from '../lib/measure.js';
import { createBenchDatabase, queryServer } from '../lib/postgres-admin.js';
import type { BenchContext, BenchScenario, Measurement } from '../lib/scenario.js';

const INSERT_CLIENTS = [1, 8, 32] as const;

async function insertBaselines(ctx: BenchContext, notes: string[]): Promise<Measurement[]> {
  const db = await createBenchDatabase(ctx.postgresUrl);
  try {
    await queryServer(db.url, INSERT_TABLE_SQL);
    const pgbench = findPgbench();
    notes.push(pgbench ? `Inserts measured with ${pgbench} (-M prepared, one INSERT of a 1.2 kB jsonb row per transaction).` : 'pgbench not found: inserts measured with a loop of `pg` clients (one INSERT of a 1.2 kB jsonb row per transaction).');
    const seconds = INSERT_SECONDS[ctx.size];
    const out: Measurement[] = [];
    for (const clients of INSERT_CLIENTS) {
      const samples = await repeat(ctx, `INSERT transactions, ${clients} client${clients > 1 ? 's' : ''}`, () =>
        pgbench ? pgbenchInserts(pgbench, db.url, clients, seconds, ctx.workDir) : pgLoopInserts(db.url, clients, seconds),
      );
      out.push(measurement(`inserts-${clients}`, `INSERT transactions/s (${clients} client${clients > 1 ? 's' : ''})`, 'tx/s', 'higher', samples));
    }
    return out;
  } finally {
    await db.drop();
  }
}

async function helloBaseline(ctx: BenchContext): Promise<Measurement[]> {
  const hello = await startHelloServer();
  try {
    const spec: Omit<LoadSpec, 'runId'> = { targets: [hello.url], connections: CLIENTS, durationSeconds: PAGE_SECONDS[ctx.size], request: { kind: 'get', path: '/hello' } };
    const series = await withLoadGenerator((load) => repeatLoad(ctx, load, `Fastify hello, ${CLIENTS} connections`, spec, 'hello'));
    return [
      measurement('hello-rps', `Fastify hello requests/s (${CLIENTS} connections)`, 'req/s', 'higher', series.requestsPerSecond),
      measurement('hello-p99', 'Fastify hello p99 latency', 'ms', 'lower', series.p99),
      measurement('hello-errors', 'Fastify hello errors', 'count', 'lower', series.errors),
    ];
  } finally {
    await hello.stop();
  }
}

export const scenario: BenchScenario = {
  id: 'B0',
  title: 'Baselines: PostgreSQL inserts and a bare Fastify route',
  description:
    'Single-row INSERT transactions per second on the same PostgreSQL server at 1, 8 and 32 clients (pgbench when installed), and requests per second of a bare Fastify "hello" route on the same Node under the same load as the pages. The other scenarios give their figures as ratios to these.',
  async run(ctx) {
    const notes: string[] = [];
    const measurements = [...(await insertBaselines(ctx, notes)), ...(await helloBaseline(ctx))];
    return { measurements, comparisons: [], notes, checks: [] };
  },
};
