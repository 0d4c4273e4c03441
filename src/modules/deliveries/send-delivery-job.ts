/**
 * The `deliveries.send` job: one attempt at one delivery item ({@link sendDelivery}). Failed
 * attempts are planned again by the item's own schedule (a new job at `next_attempt_at`), so the
 * job itself only fails — and is retried by the job queue — when the platform broke (database,
 * crash); a worker that dies mid-attempt leaves a `sending` mark that the retried job takes over.
 */
import { Type } from '@sinclair/typebox';
import type { Trx } from '../../platform/db/database.js';
import { defineJob, UuidSchema, type JobServices } from '../../platform/jobs/job.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import { createDeliveryChannelRegistry, type DeliveryChannelRegistry } from './channels/channel-registry.js';
import { createDirectorySecrets } from './channels/directory-secrets.js';
import { SENDING_STALE_SECONDS } from './delivery-policy.js';
import { sendDelivery, type DeliveryDeps } from './send-delivery.js';

/** Payload: ids only; the handler reads the item and the tenant's channel configuration afresh. */
export const SendDeliveryPayload = Type.Object({ tenantId: UuidSchema, deliveryId: UuidSchema }, { additionalProperties: false });

/** One attempt at one delivery item; see the module comment. */
export const sendDeliveryJob = defineJob({
  name: 'deliveries.send',
  payloadSchema: SendDeliveryPayload,
  expireInSeconds: SENDING_STALE_SECONDS,
  async handler({ tenantId, deliveryId }, ctx) {
    const outcome = await sendDelivery(deliveryDepsFor(ctx), tenantId, deliveryId);
    ctx.log.info({ outcome, deliveryId }, 'delivery attempt');
  },
});

/** Plans a run of `deliveries.send` inside the caller's transaction (now, or at `startAfter`). */
export async function enqueueDeliverySend(trx: Trx, queue: JobQueue, tenantId: string, deliveryId: string, startAfter?: Date): Promise<void> {
  await queue.enqueue(sendDeliveryJob, { tenantId, deliveryId }, { trx, ...(startAfter ? { startAfter } : {}) });
}

/** The delivery dependencies of a job run: channels, drop folder and secrets from the settings. */
export function deliveryDepsFor(
  services: Pick<JobServices, 'db' | 'storage' | 'clock' | 'settings' | 'mail' | 'queue'>,
  channels: DeliveryChannelRegistry = createDeliveryChannelRegistry(),
): DeliveryDeps {
  return {
    db: services.db,
    storage: services.storage,
    clock: services.clock,
    channels,
    env: {
      dropRoot: services.settings.deliveryDropDir,
      secrets: createDirectorySecrets(services.settings.deliverySecretsDir),
      mail: services.mail,
    },
    scheduleAttempt: (trx, tenantId, deliveryId, startAfter) => enqueueDeliverySend(trx, services.queue, tenantId, deliveryId, startAfter),
  };
}
