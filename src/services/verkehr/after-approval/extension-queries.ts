/**
 * Reads of a traffic order's extensions, inside the caller's tenant transaction: every request of
 * a case, and the period as it stands — the applied-for first day and, once an extension was
 * approved, the last day of the latest one. The submitted data keeps the applied-for period (it is
 * what the applicant asked for and the original order grants); the changes live here.
 */
import { berlinDateOf } from '../../../platform/calendar/calendar-date.js';
import type { Trx } from '../../../platform/db/database.js';
import type { ExtensionStatus } from '../../../platform/db/schema.js';
import type { TrafficApplication } from '../traffic-application.js';

/** An order the extended days meet, as found when the request arrived. */
export interface ExtensionConflict {
  caseId: string;
  reference: string;
  street: string;
  from: string;
  to: string;
}

export interface Extension {
  id: string;
  requestedAt: Date;
  previousTo: string;
  newTo: string;
  reason: string | null;
  conflicts: ExtensionConflict[];
  status: ExtensionStatus;
  decidedAt: Date | null;
  decidedBy: string | null;
  decisionReason: string | null;
}

/** The extensions of a case, oldest first. */
export async function listExtensions(trx: Trx, tenantId: string, caseId: string): Promise<Extension[]> {
  const rows = await trx.selectFrom('traffic_extensions').selectAll().where('tenant_id', '=', tenantId).where('case_id', '=', caseId).orderBy('requested_at').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    requestedAt: r.requested_at,
    previousTo: r.previous_to,
    newTo: r.new_to,
    reason: r.reason,
    conflicts: r.conflicts,
    status: r.status,
    decidedAt: r.decided_at,
    decidedBy: r.decided_by,
    decisionReason: r.decision_reason,
  }));
}

/** The period in force: the applied-for one, its last day moved by the latest approved extension. */
export function currentPeriod(app: Pick<TrafficApplication, 'period'>, extensions: readonly Extension[]): { from: string; to: string } | undefined {
  if (!app.period) return undefined;
  const approved = extensions.filter((e) => e.status === 'approved');
  return { from: app.period.from, to: approved.at(-1)?.newTo ?? app.period.to };
}

/** What an extension order and the special-use permit print about the latest approved extension (part of the documents' input hash). */
export interface ExtensionFacts {
  number: number;
  previousTo: string;
  newTo: string;
  approvedOn: string;
}

/** The facts of the latest approved extension, or undefined when the period was never extended. */
export function extensionFacts(extensions: readonly Extension[]): ExtensionFacts | undefined {
  const approved = extensions.filter((e) => e.status === 'approved');
  const latest = approved.at(-1);
  if (!latest || !latest.decidedAt) return undefined;
  return { number: approved.length, previousTo: latest.previousTo, newTo: latest.newTo, approvedOn: berlinDateOf(latest.decidedAt) };
}

/** Reads the facts back from a document context (documents see them as plain JSON). */
export function readExtensionFacts(facts: Readonly<Record<string, unknown>> | undefined): ExtensionFacts | undefined {
  const e = facts?.extension as Partial<ExtensionFacts> | undefined;
  if (!e || typeof e.newTo !== 'string' || typeof e.previousTo !== 'string' || typeof e.approvedOn !== 'string' || typeof e.number !== 'number') return undefined;
  return { number: e.number, previousTo: e.previousTo, newTo: e.newTo, approvedOn: e.approvedOn };
}
