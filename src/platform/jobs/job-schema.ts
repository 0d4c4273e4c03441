/**
 * Installs and upgrades pg-boss's own schema `pgboss`. The application role may not create
 * schemas, so this runs as the database owner during {@link migrate}; the application then
 * starts pg-boss with `migrate: false` and only the rights granted here.
 *
 * The schema is versioned by pg-boss itself (`pgboss.version`), not by our numbered migrations,
 * and is left out of the committed schema dump (which covers `public` only).
 */
import { createRequire } from 'node:module';
import PgBoss from 'pg-boss';
import { APP_ROLE, type Database, type SqlSession } from '../db/database.js';

export const JOB_SCHEMA = 'pgboss';

/** The schema version the installed pg-boss package expects. */
export const JOB_SCHEMA_VERSION: number = (createRequire(import.meta.url)('pg-boss/version.json') as { schema: number }).schema;

export type JobSchemaChange = { action: 'installed' | 'upgraded' | 'current'; version: number };

/**
 * The rights of the application role. `create_queue` creates a partition table per queue and
 * attaches it to `pgboss.job`, which only the owner may do; as SECURITY DEFINER with a fixed
 * search path it lets the application add its queues at start without owning anything.
 */
const GRANTS = `
  GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO ${APP_ROLE};
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO ${APP_ROLE};
  ALTER DEFAULT PRIVILEGES IN SCHEMA ${JOB_SCHEMA} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE};
  ALTER FUNCTION ${JOB_SCHEMA}.create_queue(text, json) SECURITY DEFINER SET search_path = pg_catalog, pg_temp;
  REVOKE ALL ON FUNCTION ${JOB_SCHEMA}.create_queue(text, json) FROM PUBLIC;
  GRANT EXECUTE ON FUNCTION ${JOB_SCHEMA}.create_queue(text, json) TO ${APP_ROLE};
  REVOKE ALL ON FUNCTION ${JOB_SCHEMA}.delete_queue(text) FROM PUBLIC;
`;

async function installedVersion(session: SqlSession): Promise<number | null> {
  const exists = await session.query<{ name: string | null }>(`SELECT to_regclass('${JOB_SCHEMA}.version')::text AS name`);
  if (!exists.rows[0]?.name) return null;
  const row = await session.query<{ version: number }>(`SELECT version FROM ${JOB_SCHEMA}.version`);
  return row.rows[0] ? Number(row.rows[0].version) : null;
}

async function runScript(owner: SqlSession, script: string): Promise<void> {
  try {
    await owner.exec(script);
  } catch (e) {
    // pg-boss scripts carry their own BEGIN/COMMIT; a failure would leave the session aborted.
    await owner.exec('ROLLBACK');
    throw e;
  }
}

/** Creates or upgrades the job schema and (re)grants the application role; run as the owner. */
export async function installJobSchema(owner: SqlSession): Promise<JobSchemaChange> {
  const version = await installedVersion(owner);
  let action: JobSchemaChange['action'] = 'current';
  if (version === null) {
    await runScript(owner, PgBoss.getConstructionPlans(JOB_SCHEMA));
    action = 'installed';
  } else if (version < JOB_SCHEMA_VERSION) {
    await runScript(owner, PgBoss.getMigrationPlans(JOB_SCHEMA, String(version)));
    action = 'upgraded';
  } else if (version > JOB_SCHEMA_VERSION) {
    throw new Error(`The job schema is at version ${version}, newer than this release expects (${JOB_SCHEMA_VERSION}); update the application.`);
  }
  // Upgrades may recreate functions, so the grants are applied every time (they are idempotent).
  await owner.exec(GRANTS);
  return { action, version: JOB_SCHEMA_VERSION };
}

/** True when the job schema exists at the version this release expects (read as the application role). */
export async function jobSchemaIsCurrent(db: Database): Promise<boolean> {
  return (await installedVersion(db.sql)) === JOB_SCHEMA_VERSION;
}
