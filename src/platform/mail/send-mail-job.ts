/**
 * Sending a queued mail is a job, so a mail server outage delays mail instead of failing the
 * citizen's request; retries follow the platform policy, and the last failed attempt marks the
 * mail failed (visible on the case).
 */
import { Type } from '@sinclair/typebox';
import type { Trx } from '../db/database.js';
import { defineJob, retryPolicyOf, UuidSchema } from '../jobs/job.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { deliverOutboxMail, queueMail, type QueuedMail } from './outbox.js';

export const sendMailJob = defineJob({
  name: 'mail.send',
  payloadSchema: Type.Object({ tenantId: UuidSchema, mailId: UuidSchema }, { additionalProperties: false }),
  async handler({ tenantId, mailId }, { db, mail, clock, job, log }) {
    const finalAttempt = job.attempt > retryPolicyOf(sendMailJob).retryLimit;
    const outcome = await deliverOutboxMail(db, mail, tenantId, mailId, { now: clock.now(), finalAttempt });
    log.info({ outcome }, 'mail delivery');
  },
});

/** Queues a mail and its sending job inside the caller's tenant transaction. */
export async function queueMailForSending(trx: Trx, queue: JobQueue, tenantId: string, mail: QueuedMail): Promise<string> {
  const mailId = await queueMail(trx, tenantId, mail);
  await queue.enqueue(sendMailJob, { tenantId, mailId }, { trx });
  return mailId;
}
