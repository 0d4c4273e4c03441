/**
 * "Once and only once" after several web and worker processes shared one PostgreSQL database
 * (B7, and test/multi-process/once-and-only-once.test.ts at a small size; on PGlite that test checks the
 * single embedded process the same way, after it has stopped and released its data directory): every acknowledged submission is exactly
 * one case with exactly one `case.submitted` event and exactly one processing job, and no
 * processing job ran to completion twice. The latter is read from the job's effect: each run of
 * `cases.process-submission` that gets past its rules leaves one `rules.evaluated` event, so a
 * job that pg-boss never retried must have left exactly one (a retried job at most one per run).
 * Reads as the application role, tenant by tenant, so row-level security applies as in the app.
 */
import { sql } from 'kysely';
import { processSubmissionJob } from '../../src/modules/cases/case-jobs.js';
import { openDatabase, type Database, type DatabaseTarget } from '../../src/platform/db/database.js';
import { JOB_SCHEMA } from '../../src/platform/jobs/job-schema.js';
import type { Acknowledged } from './load.js';

export interface OnceCheck {
  name: string;
  ok: boolean;
  detail?: string;
}

/** What was found for one acknowledged case. */
interface CaseFacts {
  caseId: string;
  rows: number;
  submittedEvents: number;
  rulesEvaluated: number;
  jobs: { state: string; retryCount: number }[];
}

async function casesOf(db: Database, tenantId: string, references: string[]): Promise<Map<string, CaseFacts>> {
  const out = new Map<string, CaseFacts>();
  await db.withTenant(tenantId, async (trx) => {
    const rows = await trx.selectFrom('cases').select(['id', 'reference']).where('tenant_id', '=', tenantId).where(sql<boolean>`reference = any(${references}::text[])`).execute();
    for (const r of rows) {
      const seen = out.get(r.reference);
      if (seen) seen.rows++;
      else out.set(r.reference, { caseId: r.id, rows: 1, submittedEvents: 0, rulesEvaluated: 0, jobs: [] });
    }
  });
  return out;
}

/**
 * Counts each case's events. Read after the jobs: a job seen completed committed its events
 * before it completed, so they are visible here. Read before the jobs, a job finishing in between
 * looked like a completed job that had evaluated nothing (seen in a full bench run).
 */
async function attachEvents(db: Database, tenantId: string, cases: CaseFacts[]): Promise<void> {
  if (cases.length === 0) return;
  const byId = new Map(cases.map((c) => [c.caseId, c]));
  await db.withTenant(tenantId, async (trx) => {
    const events = await sql<{ case_id: string; submitted: number; evaluated: number }>`
      select case_id, count(*) filter (where type = 'case.submitted')::int as submitted, count(*) filter (where type = 'rules.evaluated')::int as evaluated
      from case_events where tenant_id = ${tenantId} and case_id = any(${[...byId.keys()]}::uuid[]) group by case_id`.execute(trx);
    for (const e of events.rows) Object.assign(byId.get(e.case_id)!, { submittedEvents: e.submitted, rulesEvaluated: e.evaluated });
  });
}

async function attachJobs(db: Database, cases: CaseFacts[]): Promise<void> {
  const byId = new Map(cases.map((c) => [c.caseId, c]));
  // Completed jobs stay in the job table until pg-boss archives them; look in both.
  const { rows } = await db.sql.query<{ case_id: string; state: string; retry_count: number }>(
    `select data->>'caseId' as case_id, state::text as state, retry_count from ${JOB_SCHEMA}.job where name = $1 and data->>'caseId' = any($2::text[])
     union all
     select data->>'caseId', state::text, retry_count from ${JOB_SCHEMA}.archive where name = $1 and data->>'caseId' = any($2::text[])`,
    [processSubmissionJob.name, [...byId.keys()]],
  );
  for (const r of rows) byId.get(r.case_id)?.jobs.push({ state: r.state, retryCount: r.retry_count });
}

const listed = (items: string[]) => (items.length > 5 ? `${items.slice(0, 5).join(', ')} and ${items.length - 5} more` : items.join(', '));

/** Runs the checks against the database (a PostgreSQL URL or a PGlite target); `pending` counts processing jobs not yet completed. */
export async function checkOnceAndOnlyOnce(database: string | DatabaseTarget, acknowledged: readonly Acknowledged[]): Promise<{ checks: OnceCheck[]; pending: number }> {
  const db = await openDatabase(typeof database === 'string' ? { kind: 'postgres', url: database, poolSize: 2 } : database);
  try {
    const tenants = new Map((await db.kysely.selectFrom('tenants').select(['id', 'slug']).execute()).map((t) => [t.slug, t.id]));
    const found = new Map<string, CaseFacts>();
    const byTenant = new Map<string, CaseFacts[]>();
    for (const slug of new Set(acknowledged.map((a) => a.tenant))) {
      const tenantId = tenants.get(slug);
      if (!tenantId) throw new Error(`no municipality ${slug}`);
      const references = acknowledged.filter((a) => a.tenant === slug).map((a) => a.reference);
      const cases = await casesOf(db, tenantId, references);
      for (const [ref, facts] of cases) found.set(`${slug}:${ref}`, facts);
      byTenant.set(tenantId, [...cases.values()]);
    }
    await attachJobs(db, [...found.values()]);
    for (const [tenantId, cases] of byTenant) await attachEvents(db, tenantId, cases);
    const keys = acknowledged.map((a) => `${a.tenant}:${a.reference}`);
    const twiceAcknowledged = keys.filter((k, i) => keys.indexOf(k) !== i);
    const lost = keys.filter((k) => !found.has(k));
    const duplicated = keys.filter((k) => (found.get(k)?.rows ?? 1) > 1);
    const facts = [...found.entries()];
    const badEvents = facts.filter(([, f]) => f.submittedEvents !== 1).map(([k]) => k);
    const badJobs = facts.filter(([, f]) => f.jobs.length !== 1).map(([k, f]) => `${k} (${f.jobs.length} jobs)`);
    const completed = facts.filter(([, f]) => f.jobs.length === 1 && f.jobs[0]!.state === 'completed');
    const twice = completed.filter(([, f]) => f.rulesEvaluated === 0 || f.rulesEvaluated > f.jobs[0]!.retryCount + 1).map(([k, f]) => `${k} (${f.rulesEvaluated} evaluations)`);
    const pending = facts.length - completed.length;
    return {
      pending,
      checks: [
        { name: 'no reference acknowledged twice', ok: twiceAcknowledged.length === 0, detail: twiceAcknowledged.length ? listed(twiceAcknowledged) : `${keys.length} acknowledged` },
        { name: 'every acknowledged case exists exactly once', ok: lost.length === 0 && duplicated.length === 0, detail: lost.length || duplicated.length ? `lost: ${listed(lost)}; duplicated: ${listed(duplicated)}` : `${found.size} cases` },
        { name: 'each case has exactly one submission event', ok: badEvents.length === 0, ...(badEvents.length ? { detail: listed(badEvents) } : {}) },
        { name: 'each case has exactly one processing job', ok: badJobs.length === 0, ...(badJobs.length ? { detail: listed(badJobs) } : {}) },
        { name: 'no processing job ran to completion twice', ok: twice.length === 0, detail: twice.length ? listed(twice) : `${completed.length} completed, ${pending} not yet` },
      ],
    };
  } finally {
    await db.close();
  }
}
