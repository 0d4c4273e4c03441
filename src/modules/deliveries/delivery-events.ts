/**
 * Delivery events in the case's event log: `delivery.queued`, `delivery.delivered`,
 * `delivery.failed` (each failed attempt, with whether a retry is planned) and `delivery.resent`.
 * Deliveries that belong to no case (batches) have their history in `delivery_attempts` only.
 */
import { appendCaseEvent, type ActorKind } from '../../platform/audit/case-events.js';
import type { Trx } from '../../platform/db/database.js';

export type DeliveryEventType = 'delivery.queued' | 'delivery.delivered' | 'delivery.failed' | 'delivery.resent';

/** Appends a delivery event to the case's log, inside the caller's transaction; no-op without a case. */
export async function recordDeliveryEvent(
  trx: Trx,
  tenantId: string,
  caseId: string | null,
  event: { type: DeliveryEventType; at: Date; actorKind: ActorKind; actorId?: string | null; data: Record<string, unknown> },
): Promise<void> {
  if (!caseId) return;
  await appendCaseEvent(trx, tenantId, { caseId, at: event.at, actorKind: event.actorKind, actorId: event.actorId ?? null, type: event.type, data: event.data });
}
