/**
 * The dashboard's figures for one tenant over the last N weeks (Monday to Sunday in
 * Europe/Berlin, the current week included): cases received per week by service and by current
 * state, processing time (submission to closing) as median and 90th percentile, the automation
 * rate (closed cases no caseworker acted on — reading a case is not acting), and the open cases
 * past their deadline. Every query is bounded by tenant and time so it runs on an index range.
 */
import { sql } from 'kysely';
import type { Trx } from '../../platform/db/database.js';

export interface DashboardWeek {
  /** The Monday, YYYY-MM-DD. */
  week: string;
}

export interface WeeklyCount {
  week: string;
  serviceId: string;
  serviceVersion: number;
  state: string;
  closed: boolean;
  count: number;
}

export interface ProcessingFigures {
  /** null: all services together. */
  serviceId: string | null;
  closed: number;
  /** Seconds from submission to closing; null when nothing closed. */
  medianSeconds: number | null;
  p90Seconds: number | null;
  /** Closed without any caseworker act. */
  automatic: number;
}

export interface DashboardFigures {
  weeks: string[];
  from: Date;
  to: Date;
  weekly: WeeklyCount[];
  processing: ProcessingFigures[];
  overdue: number;
  open: number;
}

/** The Mondays of the last `weeks` weeks in Europe/Berlin and when the first began. */
export async function dashboardWeeks(trx: Trx, now: Date, weeks: number): Promise<{ weeks: string[]; from: Date }> {
  const rows = await sql<{ week: string; starts: Date }>`
    select to_char(w, 'YYYY-MM-DD') as week, (w at time zone 'Europe/Berlin') as starts
    from generate_series(
      date_trunc('week', ${now}::timestamptz at time zone 'Europe/Berlin') - ${weeks - 1} * interval '1 week',
      date_trunc('week', ${now}::timestamptz at time zone 'Europe/Berlin'),
      interval '1 week') as w
    order by w`.execute(trx);
  return { weeks: rows.rows.map((r) => r.week), from: new Date(rows.rows[0]!.starts) };
}

/** The dashboard's SQL for a tenant and period (exported so the plan test can EXPLAIN it). */
export function dashboardQueries(tenantId: string, from: Date, now: Date) {
  return {
    weekly: sql<{ week: string; service_id: string; service_version: number; state: string; closed: boolean; n: number }>`
      select to_char(date_trunc('week', c.submitted_at at time zone 'Europe/Berlin'), 'YYYY-MM-DD') as week,
             c.service_id, c.service_version, c.state, c.closed_at is not null as closed, count(*)::int as n
      from cases c
      where c.tenant_id = ${tenantId} and c.submitted_at >= ${from} and c.submitted_at <= ${now}
      group by 1, 2, 3, 4, 5`,
    // GROUPING SETS: per service and all together in one pass (percentiles do not add up). The
    // NOT EXISTS repeats the predicate of the partial index case_events_human_acts verbatim.
    processing: sql<{ service_id: string | null; closed: number; median: number | null; p90: number | null; automatic: number }>`
      select c.service_id, count(*)::int as closed,
             percentile_cont(0.5) within group (order by extract(epoch from c.closed_at - c.submitted_at)) as median,
             percentile_cont(0.9) within group (order by extract(epoch from c.closed_at - c.submitted_at)) as p90,
             (count(*) filter (where not exists (
                select 1 from case_events e
                where e.tenant_id = c.tenant_id and e.case_id = c.id
                  and e.actor_kind = 'caseworker' and e.type <> 'case.viewed')))::int as automatic
      from cases c
      where c.tenant_id = ${tenantId} and c.closed_at is not null and c.closed_at >= ${from} and c.closed_at <= ${now}
      group by grouping sets ((c.service_id), ())`,
    open: sql<{ open: number; overdue: number }>`
      select count(*)::int as open,
             (count(*) filter (where c.due_key < ${now}))::int as overdue
      from cases c
      where c.tenant_id = ${tenantId} and c.closed_at is null`,
  };
}

/** Loads the dashboard figures of a tenant. */
export async function loadDashboardFigures(trx: Trx, tenantId: string, now: Date, weekCount: number): Promise<DashboardFigures> {
  const { weeks, from } = await dashboardWeeks(trx, now, weekCount);
  const queries = dashboardQueries(tenantId, from, now);
  const weekly = await queries.weekly.execute(trx);
  const processing = await queries.processing.execute(trx);
  const open = await queries.open.execute(trx);
  return {
    weeks,
    from,
    to: now,
    weekly: weekly.rows.map((r) => ({ week: r.week, serviceId: r.service_id, serviceVersion: Number(r.service_version), state: r.state, closed: r.closed, count: Number(r.n) })),
    processing: processing.rows.map((r) => ({
      serviceId: r.service_id,
      closed: Number(r.closed),
      medianSeconds: r.median === null ? null : Number(r.median),
      p90Seconds: r.p90 === null ? null : Number(r.p90),
      automatic: Number(r.automatic),
    })),
    overdue: Number(open.rows[0]?.overdue ?? 0),
    open: Number(open.rows[0]?.open ?? 0),
  };
}
