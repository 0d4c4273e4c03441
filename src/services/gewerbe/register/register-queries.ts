/**
 * Reading the Gewerberegister for caseworkers: a search (entry number, or words in the holder's,
 * company's or trade name, activity, street or town), one entry with its history and the cases
 * behind it, and the rows of the CSV export. Every query runs in the tenant's transaction, so
 * row-level security keeps other municipalities' entries out even if a condition were missing.
 */
import { sql, type Selectable } from 'kysely';
import type { Trx } from '../../../platform/db/database.js';
import type { GewerbeRegisterEntriesTable, GewerbeRegisterHistoryTable } from '../../../platform/db/schema.js';
import { isUuid } from '../../../modules/cases/case-engine.js';

export type RegisterEntry = Selectable<GewerbeRegisterEntriesTable>;
export type RegisterStatusFilter = 'active' | 'closed' | 'all';

/** What the caseworker searches for. */
export interface RegisterSearch {
  /** Free text: an entry number, or words that must all occur (case-insensitive). */
  text: string;
  status: RegisterStatusFilter;
  /** Keyset: entries with a lower number than this come next (newest first). */
  before?: number;
  limit: number;
}

/** The words of a search text (at most eight, each at most 60 characters). */
export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[\s,;]+/)
    .map((w) => w.trim().slice(0, 60))
    .filter(Boolean)
    .slice(0, 8);
}

const escapeLike = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Entries of the tenant matching the search, newest entry number first. */
export async function searchRegister(trx: Trx, tenantId: string, search: RegisterSearch): Promise<RegisterEntry[]> {
  let q = trx.selectFrom('gewerbe_register_entries').selectAll().where('tenant_id', '=', tenantId);
  if (search.status !== 'all') q = q.where('status', '=', search.status);
  if (search.before !== undefined) q = q.where('entry_number', '<', search.before);
  const text = search.text.trim();
  if (/^\d{1,9}$/.test(text)) q = q.where('entry_number', '=', Number(text));
  else {
    for (const word of searchWords(text)) {
      const pattern = `%${escapeLike(word)}%`;
      q = q.where(
        sql<boolean>`lower(concat_ws(' ', holder_name, company_name, trade_name, activity, street, postal_code, town)) like ${pattern}`,
      );
    }
  }
  return q.orderBy('entry_number', 'desc').limit(search.limit).execute();
}

/** One history row with the reference of its case. */
export interface RegisterHistoryRow extends Selectable<GewerbeRegisterHistoryTable> {
  reference: string;
  serviceId: string;
}

/** An entry of the tenant with its history (oldest first), or undefined (also for another tenant's id). */
export async function findRegisterEntry(trx: Trx, tenantId: string, entryId: string): Promise<{ entry: RegisterEntry; history: RegisterHistoryRow[] } | undefined> {
  if (!isUuid(entryId)) return undefined;
  const entry = await trx.selectFrom('gewerbe_register_entries').selectAll().where('tenant_id', '=', tenantId).where('id', '=', entryId).executeTakeFirst();
  if (!entry) return undefined;
  const history = await trx
    .selectFrom('gewerbe_register_history as h')
    .innerJoin('cases as c', (j) => j.onRef('c.tenant_id', '=', 'h.tenant_id').onRef('c.id', '=', 'h.case_id'))
    .selectAll('h')
    .select(['c.reference as reference', 'c.service_id as serviceId'])
    .where('h.tenant_id', '=', tenantId)
    .where('h.entry_id', '=', entryId)
    .orderBy('h.seq')
    .execute();
  return { entry, history };
}

/** The register entries a case created, changed or closed (for the case's own pages). */
export async function findEntriesOfCase(trx: Trx, tenantId: string, caseId: string): Promise<{ entryId: string; entryNumber: number; kind: string }[]> {
  return trx
    .selectFrom('gewerbe_register_history as h')
    .innerJoin('gewerbe_register_entries as e', (j) => j.onRef('e.tenant_id', '=', 'h.tenant_id').onRef('e.id', '=', 'h.entry_id'))
    .select(['h.entry_id as entryId', 'e.entry_number as entryNumber', 'h.kind as kind'])
    .where('h.tenant_id', '=', tenantId)
    .where('h.case_id', '=', caseId)
    .execute();
}
