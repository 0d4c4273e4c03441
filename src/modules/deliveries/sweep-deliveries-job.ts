/**
 * The `deliveries.sweep` safety net: every ten minutes, finds items whose planned attempt is long
 * overdue (its job was lost — e.g. the queue gave up on it during a database outage) or whose
 * `sending` mark is stale (a worker died), and plans a send job for them. Running it needlessly
 * costs nothing: the send job skips what is not due or already delivered.
 */
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { defineJob } from '../../platform/jobs/job.js';
import { SENDING_STALE_SECONDS } from './delivery-policy.js';
import { enqueueDeliverySend } from './send-delivery-job.js';

/** How late a planned attempt must be before the sweep plans it again (jobs may just be waiting in a busy queue). */
export const OVERDUE_MINUTES = 15;
const BATCH_PER_TENANT = 200;

/** The ten-minute safety net that plans lost or stuck deliveries again. */
export const sweepDeliveriesJob = defineJob({
  name: 'deliveries.sweep',
  payloadSchema: Type.Object({}, { additionalProperties: false }),
  schedule: { cron: '*/10 * * * *' },
  retry: { retryLimit: 0 },
  async handler(_payload, { db, queue, clock, log }) {
    const now = clock.now();
    const overdue = new Date(now.getTime() - OVERDUE_MINUTES * 60_000);
    const stale = new Date(now.getTime() - SENDING_STALE_SECONDS * 1000);
    const tenants = await db.kysely.selectFrom('tenants').select('id').execute();
    let planned = 0;
    for (const { id: tenantId } of tenants) {
      planned += await db.withTenant(tenantId, async (trx) => {
        const rows = await trx
          .selectFrom('deliveries')
          .select('id')
          .where('tenant_id', '=', tenantId)
          .where((eb) =>
            eb.or([
              eb.and([eb('status', 'in', ['queued', 'failed']), eb('next_attempt_at', '<', overdue)]),
              eb.and([eb('status', '=', 'sending'), eb('sending_since', '<', stale)]),
            ]),
          )
          .orderBy(sql`coalesce(next_attempt_at, sending_since)`)
          .limit(BATCH_PER_TENANT)
          .execute();
        for (const row of rows) await enqueueDeliverySend(trx, queue, tenantId, row.id);
        return rows.length;
      });
    }
    if (planned > 0) log.warn({ planned }, 'deliveries sweep planned overdue or stale deliveries again');
  },
});
