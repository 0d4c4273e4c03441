/**
 * Reads for the applicant's status page: the case behind a status link, and the events an
 * applicant may see (submission, changes of state, released documents, requests), in plain words.
 */
import type { Trx } from '../../platform/db/database.js';
import type { Localized } from '../../platform/db/schema.js';
import { hashToken, looksLikeToken } from '../cases/status-links.js';

export interface StatusCase {
  id: string;
  reference: string;
  serviceId: string;
  serviceVersion: number;
  state: string;
  submittedAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
}

/** The case a status token opens (the current link generation only), or null. */
export async function findCaseByStatusToken(trx: Trx, tenantId: string, token: string): Promise<StatusCase | null> {
  if (!looksLikeToken(token)) return null;
  const row = await trx
    .selectFrom('cases')
    .select(['id', 'reference', 'service_id', 'service_version', 'state', 'submitted_at', 'updated_at', 'closed_at'])
    .where('tenant_id', '=', tenantId)
    .where('status_token_hash', '=', hashToken(token))
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        reference: row.reference,
        serviceId: row.service_id,
        serviceVersion: row.service_version,
        state: row.state,
        submittedAt: row.submitted_at,
        updatedAt: row.updated_at,
        closedAt: row.closed_at,
      }
    : null;
}

export interface TimelineEntry {
  at: Date;
  kind: 'submitted' | 'state' | 'document' | 'request' | 'answer';
  /** For state changes: the state entered. */
  state?: string;
  /** For documents and requests: a title in both languages, if the event carries one. */
  title?: Localized;
}

const VISIBLE: Record<string, TimelineEntry['kind']> = {
  'case.submitted': 'submitted',
  transition: 'state',
  'document.released': 'document',
  'information.requested': 'request',
  'information.answered': 'answer',
};

/** The applicant-visible history of a case, oldest first. Internal notes, reads and checks stay internal. */
export async function findApplicantTimeline(trx: Trx, tenantId: string, caseId: string): Promise<TimelineEntry[]> {
  const rows = await trx
    .selectFrom('case_events')
    .select(['at', 'type', 'data'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('type', 'in', Object.keys(VISIBLE))
    .orderBy('seq')
    .execute();
  // A step that stays in its state (a record, a reminder) is not news of a new status for the applicant.
  const shown = rows.filter((r) => r.type !== 'transition' || (r.data as { from?: unknown }).from !== (r.data as { to?: unknown }).to);
  return shown.map((r) => {
    const data = r.data as { to?: string; title?: Localized };
    return {
      at: r.at,
      kind: VISIBLE[r.type]!,
      ...(typeof data.to === 'string' ? { state: data.to } : {}),
      ...(data.title && typeof data.title === 'object' ? { title: data.title } : {}),
    };
  });
}

/** Replaces the status link of a case: the old link stops working at once. Returns the new generation. */
export async function revokeStatusLink(trx: Trx, tenantId: string, caseId: string, newTokenHash: (generation: number) => Buffer): Promise<number> {
  const row = await trx
    .selectFrom('cases')
    .select('status_link_generation')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', caseId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const generation = row.status_link_generation + 1;
  await trx
    .updateTable('cases')
    .set({ status_link_generation: generation, status_token_hash: newTokenHash(generation) })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', caseId)
    .execute();
  return generation;
}
