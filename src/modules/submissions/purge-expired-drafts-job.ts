/**
 * Hourly housekeeping of unfinished applications (issue 3: "drafts expire after a configurable
 * period and are then deleted with their files"): drafts past `expires_at` that were never
 * submitted are deleted with their uploads, and so are uploads that never reached a case —
 * files left on an expired draft, and uploads without draft or case (an API attachment never
 * submitted) older than a day. Submitted drafts and every file of a case stay.
 *
 * The stored object is deleted before its row, inside the transaction that holds the row lock:
 * if the run dies in between, the row is still there and the next run deletes it (deleting a
 * missing object is no error), so no object is ever left without a row pointing to it.
 * Idempotent: a second run finds nothing left to delete.
 */
import { Type } from '@sinclair/typebox';
import type { Database } from '../../platform/db/database.js';
import { defineJob } from '../../platform/jobs/job.js';
import type { FileStorage } from '../../platform/storage/file-storage.js';

/** How old an upload without draft or case must be before it counts as abandoned. */
export const ORPHAN_UPLOAD_HOURS = 24;
const BATCH = 200;

/** What one purge removed. */
export interface PurgeCounts {
  drafts: number;
  files: number;
}

/** Purges one municipality's expired drafts and abandoned uploads, in batches, as of `now`. */
export async function purgeExpiredDrafts(deps: { db: Database; storage: FileStorage }, tenantId: string, now: Date): Promise<PurgeCounts> {
  const orphanedBefore = new Date(now.getTime() - ORPHAN_UPLOAD_HOURS * 3_600_000);
  const total: PurgeCounts = { drafts: 0, files: 0 };
  for (;;) {
    const batch = await deps.db.withTenant(tenantId, async (trx) => {
      // Locked rows belong to a request working on them right now; the next run takes them.
      const files = await trx
        .selectFrom('files')
        .select(['id', 'storage_key'])
        .where('tenant_id', '=', tenantId)
        .where('case_id', 'is', null)
        .where((eb) =>
          eb.or([
            eb('draft_id', 'in', eb.selectFrom('drafts').select('id').where('tenant_id', '=', tenantId).where('expires_at', '<=', now)),
            eb.and([eb('draft_id', 'is', null), eb('created_at', '<', orphanedBefore)]),
          ]),
        )
        .limit(BATCH)
        .forUpdate()
        .skipLocked()
        .execute();
      for (const file of files) await deps.storage.delete(file.storage_key);
      if (files.length > 0) await trx.deleteFrom('files').where('tenant_id', '=', tenantId).where('id', 'in', files.map((f) => f.id)).execute();
      // A draft goes once its files are gone (deleting it first would turn them into orphans).
      const drafts = await trx
        .deleteFrom('drafts')
        .where('tenant_id', '=', tenantId)
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('drafts as d')
            .select('d.id')
            .where('d.tenant_id', '=', tenantId)
            .where('d.expires_at', '<=', now)
            .where('d.submitted_case_id', 'is', null)
            .where((inner) => inner.not(inner.exists(inner.selectFrom('files').select('files.id').where('files.tenant_id', '=', tenantId).whereRef('files.draft_id', '=', 'd.id'))))
            .limit(BATCH)
            .forUpdate()
            .skipLocked(),
        )
        .executeTakeFirst();
      return { drafts: Number(drafts.numDeletedRows), files: files.length };
    });
    total.drafts += batch.drafts;
    total.files += batch.files;
    if (batch.drafts < BATCH && batch.files < BATCH) return total;
  }
}

/** The hourly purge of expired drafts and abandoned uploads, for every municipality. */
export const purgeExpiredDraftsJob = defineJob({
  name: 'submissions.purge-expired-drafts',
  payloadSchema: Type.Object({}, { additionalProperties: false }),
  schedule: { cron: '41 * * * *' },
  async handler(_payload, { db, storage, clock, log }) {
    const now = clock.now();
    const tenants = await db.kysely.selectFrom('tenants').select('id').execute();
    const total: PurgeCounts = { drafts: 0, files: 0 };
    for (const { id } of tenants) {
      const counts = await purgeExpiredDrafts({ db, storage }, id, now);
      total.drafts += counts.drafts;
      total.files += counts.files;
    }
    log.info(total, 'purged expired drafts and abandoned uploads');
  },
});
