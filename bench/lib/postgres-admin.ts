/**
 * Databases of a benchmark run on the PostgreSQL server: each scenario gets a fresh, empty
 * `bench_<random>` database (the app it starts migrates and seeds it, as `npm start` does) and
 * drops it afterwards, so runs never see each other's data.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database created for one scenario. */
export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** The URL with another database name. */
export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs one statement on the server's maintenance connection and returns its rows. */
export async function queryServer<R extends pg.QueryResultRow>(serverUrl: string, text: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

// Module state on purpose, like the children in child-processes.ts: a scenario that runs out of
// time never reaches its own cleanup, and the runner drops what it left behind.
const undropped = new Map<string, string>();

/** Creates an empty database with a random name. */
export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `bench_${randomBytes(5).toString('hex')}`;
  await queryServer(serverUrl, `CREATE DATABASE ${name}`);
  undropped.set(name, serverUrl);
  return {
    name,
    url: withDatabaseName(serverUrl, name),
    drop: async () => {
      await queryServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      undropped.delete(name);
    },
  };
}

/** Drops every database this run created and has not dropped yet; returns how many. */
export async function dropLeftoverDatabases(): Promise<number> {
  const left = [...undropped];
  for (const [name, serverUrl] of left) {
    await queryServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    undropped.delete(name);
  }
  return left.length;
}

/** The server's `SELECT version()`. */
export async function postgresVersion(serverUrl: string): Promise<string> {
  const rows = await queryServer<{ version: string }>(serverUrl, 'SELECT version()');
  return rows[0]?.version ?? 'unknown';
}
