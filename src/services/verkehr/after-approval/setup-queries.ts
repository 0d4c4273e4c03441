/**
 * Reads of a traffic order's set-up records with their photos, inside the caller's tenant
 * transaction (for the status page and the back office panel).
 */
import type { Trx } from '../../../platform/db/database.js';
import { SETUP_PHOTO_PURPOSE, setupFieldPath } from './setup-record.js';

export interface SetupRecord {
  id: string;
  setUpAt: Date;
  plates: string[];
  latestSetupDate: string | null;
  late: boolean;
  recordedAt: Date;
  photos: { id: string; name: string }[];
}

/** The set-up records of a case, oldest first. */
export async function listSetupRecords(trx: Trx, tenantId: string, caseId: string): Promise<SetupRecord[]> {
  const rows = await trx.selectFrom('traffic_setup_records').selectAll().where('tenant_id', '=', tenantId).where('case_id', '=', caseId).orderBy('recorded_at').orderBy('id').execute();
  if (rows.length === 0) return [];
  const photos = await trx
    .selectFrom('files')
    .select(['id', 'field_path', 'display_name'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('purpose', '=', SETUP_PHOTO_PURPOSE)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    setUpAt: r.set_up_at,
    plates: r.number_plates,
    latestSetupDate: r.latest_setup_date,
    late: r.late,
    recordedAt: r.recorded_at,
    photos: photos.filter((p) => p.field_path === setupFieldPath(r.id)).map((p) => ({ id: p.id, name: p.display_name })),
  }));
}
