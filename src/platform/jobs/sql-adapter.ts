/**
 * pg-boss talks to the database through `{ executeSql(text, values) }`. These adapters route it
 * over our {@link Database}: as the application role, through PGlite's single-connection queue,
 * or on a Kysely transaction so that a job row commits or rolls back with the business data.
 */
import { CompiledQuery } from 'kysely';
import type { Database, Trx } from '../db/database.js';

export interface BossDb {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- pg-boss's own contract
}

/**
 * Statements that have started and not yet finished. pg-boss completes a job without awaiting
 * the UPDATE, so a graceful stop waits here before the database is closed.
 */
export class InFlight {
  readonly #pending = new Set<Promise<unknown>>();

  /** Registers `promise` until it settles; returns it unchanged. */
  track<T>(promise: Promise<T>): Promise<T> {
    this.#pending.add(promise);
    const forget = () => this.#pending.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  get size(): number {
    return this.#pending.size;
  }
}

/**
 * pg-boss wraps its maintenance scripts in `BEGIN; … COMMIT;`. Sent as one simple query, a
 * failing statement would leave the session inside an aborted transaction (on PGlite the only
 * session). Without the explicit BEGIN/COMMIT the server runs the script as one implicit
 * transaction that ends either way, with the same atomicity. Returns null for anything else.
 */
export function unwrapLockedScript(text: string): string | null {
  const match = /^\s*BEGIN;([\s\S]*?)COMMIT;\s*$/.exec(text);
  if (!match) return null;
  const inner = match[1]!;
  if (/\b(BEGIN|COMMIT|ROLLBACK)\s*;/i.test(inner)) return null;
  return inner;
}

// node-pg turns undefined into NULL; PGlite's serialisers do not, so normalise for both.
const normalise = (values: unknown[]) => values.map((v) => (v === undefined ? null : v));

/** The adapter for pg-boss's own polling, completion and maintenance (application role). */
export function databaseAdapter(db: Database, inFlight: InFlight): BossDb {
  return {
    executeSql(text, values = []) {
      const script = values.length === 0 ? unwrapLockedScript(text) : null;
      const run: Promise<{ rows: unknown[] }> = script !== null ? db.sql.exec(script).then(() => ({ rows: [] })) : db.sql.query(text, normalise(values));
      return inFlight.track(run);
    },
  };
}

/** The adapter for one send inside a business transaction (the transactional outbox). */
export function transactionAdapter(trx: Trx): BossDb {
  return {
    async executeSql(text, values = []) {
      const result = await trx.executeQuery(CompiledQuery.raw(text, normalise(values)));
      return { rows: result.rows as unknown[] };
    },
  };
}
