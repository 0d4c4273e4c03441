/**
 * Reading deliveries for staff: every item of a case with its status, attempts and history, so
 * the back office can show what left the municipality, what failed and why.
 */
import type { Database, Trx } from '../../platform/db/database.js';
import type { DeliveryAttemptOutcome, DeliveryStatus } from '../../platform/db/schema.js';
import { isUuid } from '../cases/case-engine.js';
import { isStaleSending } from './delivery-policy.js';

/** One attempt of a delivery. */
export interface DeliveryAttemptView {
  attempt: number;
  startedAt: Date;
  finishedAt: Date | null;
  outcome: DeliveryAttemptOutcome;
  error: string | null;
  durationMs: number | null;
  channelType: string;
}

/** A delivery item as staff see it. */
export interface CaseDelivery {
  id: string;
  caseId: string | null;
  recipient: { id: string; displayName: string };
  channel: { id: string; type: string };
  payload: { filename: string; mediaType: string; size: number; sha256: string };
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  /** When the next automatic attempt is planned; null when none is (delivered, or waiting for a resend). */
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  receipt: Record<string, unknown> | null;
  createdAt: Date;
  updatedAt: Date;
  /** Whether a caseworker may press "resend" now. */
  resendable: boolean;
  /** Attempts, oldest first. */
  history: DeliveryAttemptView[];
}

/** The deliveries of a case, oldest first (then by recipient), each with its attempts; empty for an unknown or foreign case. */
export async function findCaseDeliveries(db: Database, tenantId: string, caseId: string, now: Date = new Date()): Promise<CaseDelivery[]> {
  return db.withTenant(tenantId, (trx) => findCaseDeliveriesIn(trx, tenantId, caseId, now));
}

/** {@link findCaseDeliveries} inside the caller's tenant transaction (e.g. a page that reads several things at once). */
export async function findCaseDeliveriesIn(trx: Trx, tenantId: string, caseId: string, now: Date): Promise<CaseDelivery[]> {
  if (!isUuid(caseId)) return [];
  const rows = await trx
    .selectFrom('deliveries')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('recipient_name')
    .orderBy('id')
    .execute();
  if (rows.length === 0) return [];
  const attempts = await trx
    .selectFrom('delivery_attempts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('delivery_id', 'in', rows.map((r) => r.id))
    .orderBy('delivery_id')
    .orderBy('attempt')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    recipient: { id: r.recipient_id, displayName: r.recipient_name },
    channel: { id: r.channel_id, type: r.channel_type },
    payload: { filename: r.payload_filename, mediaType: r.payload_media_type, size: r.payload_size, sha256: r.payload_sha256 },
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    nextAttemptAt: r.status === 'delivered' ? null : r.next_attempt_at,
    deliveredAt: r.delivered_at,
    receipt: r.receipt,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    resendable: r.status === 'failed' || r.status === 'queued' || (r.status === 'sending' && isStaleSending(r.sending_since, now)),
    history: attempts
      .filter((a) => a.delivery_id === r.id)
      .map((a) => ({
        attempt: a.attempt,
        startedAt: a.started_at,
        finishedAt: a.finished_at,
        outcome: a.outcome,
        error: a.error,
        durationMs: a.duration_ms,
        channelType: a.channel_type,
      })),
  }));
}
