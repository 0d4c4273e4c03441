/**
 * A caseworker's "resend": puts a failed (or stuck) delivery back in the queue for an attempt now,
 * starting a fresh retry round. It checks the tenant's CURRENT channel configuration first, so a
 * channel that was switched off or misconfigured is reported at once instead of failing again
 * in the background — and a channel that was fixed (e.g. switched from failing-demo to file-drop)
 * is what the next attempt uses.
 */
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { isUuid } from '../cases/case-engine.js';
import type { DeliveryChannelRegistry } from './channels/channel-registry.js';
import { isStaleSending } from './delivery-policy.js';
import { recordDeliveryEvent } from './delivery-events.js';
import { markAttemptInterrupted } from './send-delivery.js';
import { enqueueDeliverySend } from './send-delivery-job.js';
import { findTenantChannel } from './tenant-channels.js';

export interface ResendRequest {
  tenantId: string;
  caseId: string;
  deliveryId: string;
  /** The staff member who pressed resend. */
  staffId: string;
  now: Date;
}

/** Re-queues the case's delivery for an attempt now; AppError `delivery.*` when it cannot be resent. */
export async function resendDelivery(deps: { db: Database; queue: JobQueue; channels: DeliveryChannelRegistry }, request: ResendRequest): Promise<void> {
  const { tenantId, caseId, deliveryId, now } = request;
  // Malformed ids would make PostgreSQL raise; they name nothing, so they are "not found".
  if (!isUuid(caseId) || !isUuid(deliveryId)) throw new AppError('delivery.not_found');
  await deps.db.withTenant(tenantId, async (trx) => {
    const row = await trx
      .selectFrom('deliveries')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', deliveryId)
      .where('case_id', '=', caseId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new AppError('delivery.not_found');
    if (row.status === 'delivered') throw new AppError('delivery.already_delivered');
    if (row.status === 'sending' && !isStaleSending(row.sending_since, now)) throw new AppError('delivery.in_progress');

    const channel = await findTenantChannel(trx, tenantId, row.channel_id);
    if (!channel || !channel.enabled) throw new AppError('delivery.channel_unavailable');
    if (deps.channels.problems(channel.channel_type, channel.options).length > 0) throw new AppError('delivery.channel_invalid');

    if (row.status === 'sending') await markAttemptInterrupted(trx, tenantId, deliveryId, row.attempts, now);
    await trx
      .updateTable('deliveries')
      .set({
        status: 'queued',
        next_attempt_at: now,
        retry_count: 0,
        sending_since: null,
        channel_type: channel.channel_type,
        channel_options: JSON.stringify(channel.options),
        updated_at: now,
      })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', deliveryId)
      .execute();
    await recordDeliveryEvent(trx, tenantId, caseId, {
      type: 'delivery.resent',
      at: now,
      actorKind: 'caseworker',
      actorId: request.staffId,
      data: { deliveryId, recipientId: row.recipient_id, channelId: row.channel_id, channelType: channel.channel_type, previousStatus: row.status, lastError: row.last_error },
    });
    await enqueueDeliverySend(trx, deps.queue, tenantId, deliveryId);
  });
}
