/**
 * The statistics offices' monthly batch (§ 14 Abs. 13 GewO, § 3 Abs. 5 GewAnzV: at the latest on
 * the first working day of the following month): one XGewerbeanzeige message
 * `sta.gewerbemeldung.0100` per municipality and month with a record for every notification
 * confirmed in that month, each with the statistics fields only. The job runs every morning and
 * builds last month's batch once (the delivery's origin key), so it goes out on the 1st.
 */
import { randomUUID } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { Database, Trx } from '../../../platform/db/database.js';
import { berlinDateOf, berlinStartOfDay } from '../../../platform/calendar/calendar-date.js';
import { defineJob } from '../../../platform/jobs/job.js';
import type { JobQueue } from '../../../platform/jobs/job-queue.js';
import type { FileStorage } from '../../../platform/storage/file-storage.js';
import { createDelivery, findDeliveryByOrigin, storeDeliveryPayload } from '../../../modules/deliveries/create-delivery.js';
import { loadGewerbeCodeLists, type GewerbeCodeLists } from '../code-lists.js';
import { loadGewerbeSettings } from '../settings.js';
import { recipientAuthority, senderOf } from './xgewerbeanzeige/exporter.js';
import { filterFor, type GewerbeForm } from './xgewerbeanzeige/v2_2/field-filters.js';
import { writeGewerbeBatch, type RecordSpec } from './xgewerbeanzeige/v2_2/message-writer.js';

const FORM_OF: Readonly<Record<string, GewerbeForm>> = { 'gewerbe-anmeldung': 'GewA1', 'gewerbe-ummeldung': 'GewA2', 'gewerbe-abmeldung': 'GewA3' };

/** `YYYY-MM` of the month before the day of `now` in Europe/Berlin. */
export function previousMonth(now: Date): string {
  const [y, m] = berlinDateOf(now).split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

function monthRange(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from: berlinStartOfDay(`${month}-01`), to: berlinStartOfDay(next) };
}

/** The origin key of a municipality's batch for a month. */
export const batchOriginKey = (month: string) => `xgewerbeanzeige:statistik:${month}`;

/** The records of the notifications confirmed in the month (register history), oldest first. */
async function recordsOf(trx: Trx, tenantId: string, month: string): Promise<RecordSpec[]> {
  const { from, to } = monthRange(month);
  const rows = await trx
    .selectFrom('gewerbe_register_history as h')
    .innerJoin('cases as c', (j) => j.onRef('c.tenant_id', '=', 'h.tenant_id').onRef('c.id', '=', 'h.case_id'))
    .select(['c.service_id', 'c.reference', 'c.data', 'c.submitted_at', 'h.entry_id'])
    .where('h.tenant_id', '=', tenantId)
    .where('h.recorded_at', '>=', from)
    .where('h.recorded_at', '<', to)
    .orderBy('h.recorded_at')
    .execute();
  return rows.flatMap((r) => {
    const form = FORM_OF[r.service_id];
    const filter = form ? filterFor('statistik', form) : undefined;
    return form && filter ? [{ form, reference: r.reference, data: r.data, submittedAt: r.submitted_at, businessId: r.entry_id, recordId: randomUUID(), filter }] : [];
  });
}

export interface BatchServices {
  db: Database;
  queue: JobQueue;
  storage: FileStorage;
  codeLists: GewerbeCodeLists;
}

/** Builds and queues a municipality's batch for a month once; returns the delivery id, or undefined (no recipient, waived, nothing to report). */
export async function deliverStatisticsBatch(services: BatchServices, tenantId: string, month: string, now: Date): Promise<string | undefined> {
  const built = await services.db.withTenant(tenantId, async (trx) => {
    const setting = (await loadGewerbeSettings(trx, tenantId)).recipients?.statistik;
    if (!setting || setting.waived || !setting.channelId) return undefined;
    if (await findDeliveryByOrigin(trx, tenantId, batchOriginKey(month))) return undefined;
    const records = await recordsOf(trx, tenantId, month);
    if (records.length === 0) return undefined;
    const settings = await loadGewerbeSettings(trx, tenantId);
    const { sender, ags } = await senderOf(trx, tenantId, settings);
    const xml = writeGewerbeBatch(
      {
        recipient: { id: 'statistik', authority: recipientAuthority(setting) },
        sender,
        ags,
        messageId: randomUUID(),
        now,
        codeLists: services.codeLists,
        streetKeys: new Map((settings.streets ?? []).map((s) => [s.name.toLowerCase(), s.key])),
        product: { name: 'Rathaus Cloud', vendor: 'Rathaus Cloud', version: '0.1' },
      },
      records,
    );
    return { xml, setting: { ...setting, channelId: setting.channelId }, ags };
  });
  if (!built) return undefined;
  const payload = await storeDeliveryPayload(services.storage, tenantId, Buffer.from(built.xml, 'utf8'), { mediaType: 'application/xml', filename: `Statistik-${built.ags}-${month}.xml` });
  return services.db.withTenant(tenantId, (trx) =>
    createDelivery(trx, services.queue, {
      tenantId,
      caseId: null,
      recipient: { id: 'statistik', displayName: built.setting.name },
      channelId: built.setting.channelId,
      payload,
      originKey: batchOriginKey(month),
      at: now,
    }),
  );
}

export const statisticsBatchJob = defineJob({
  name: 'gewerbe.statistics-batch',
  payloadSchema: Type.Object({}, { additionalProperties: false }),
  schedule: { cron: '30 5 * * *', tz: 'Europe/Berlin' },
  async handler(_payload, { db, queue, storage, clock, log }) {
    const now = clock.now();
    const month = previousMonth(now);
    const codeLists = loadGewerbeCodeLists();
    const tenants = await db.kysely.selectFrom('tenants').select('id').where('active', '=', true).execute();
    let queued = 0;
    for (const t of tenants) if (await deliverStatisticsBatch({ db, queue, storage, codeLists }, t.id, month, now)) queued++;
    log.info({ month, queued }, 'statistics batches');
  },
});
