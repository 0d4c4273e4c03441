/**
 * Keeps the Gewerberegister in step with the notifications (ARCHITECTURE § 2, gewerbe.md § 8.4
 * step 6): a GewA1 creates an entry, a GewA2 changes it, a GewA3 closes it. Each writes one
 * history row with the case, the date it took effect, the entry afterwards and what changed.
 * Runs as the workflow's `procedureStep gewerbe.update-register` inside the transition's
 * transaction; a replayed effect finds its history row and does nothing.
 */
import { sql, type Selectable } from 'kysely';
import type { GewerbeRegisterEntriesTable } from '../../../platform/db/schema.js';
import type { Trx } from '../../../platform/db/database.js';
import type { ProcedureStep } from '../../../definitions/service-package.js';
import type { CaseData } from '../../../definitions/rules/rule.js';
import { loadCase } from '../../../modules/cases/case-engine.js';
import { address, effectiveDate, fullName, personName, text } from '../rules/case-data.js';

const FIELDS = ['legal_form', 'company_name', 'holder_name', 'holder_birth_date', 'trade_name', 'activity', 'wz_code', 'street', 'house_number', 'postal_code', 'town', 'establishment_kind'] as const;

/** The columns of an entry that a notification sets. */
export type EntrySnapshot = Pick<Selectable<GewerbeRegisterEntriesTable>, (typeof FIELDS)[number]>;

/** The register columns a notification's data describes. */
export function snapshotOf(data: CaseData): EntrySnapshot {
  const premises = address(data, 'businessAddress');
  return {
    legal_form: text(data, 'legalForm') ?? 'sole-trader',
    company_name: text(data, 'companyName') ?? null,
    holder_name: fullName(personName(data)),
    holder_birth_date: text(data, 'birthDate') ?? null,
    trade_name: text(data, 'tradeName') ?? null,
    activity: text(data, 'activity') ?? '',
    wz_code: text(data, 'wzCode') ?? null,
    street: premises?.street ?? '',
    house_number: premises?.houseNumber ?? null,
    postal_code: premises?.postalCode ?? '',
    town: premises?.town ?? '',
    establishment_kind: text(data, 'establishmentKind') ?? 'main',
  };
}

/** The fields that differ between two snapshots. */
export function changesBetween(before: EntrySnapshot, after: EntrySnapshot): { field: string; from: unknown; to: unknown }[] {
  return FIELDS.filter((f) => before[f] !== after[f]).map((f) => ({ field: f, from: before[f], to: after[f] }));
}

async function nextEntryNumber(trx: Trx, tenantId: string): Promise<number> {
  const row = await trx
    .insertInto('reference_counters')
    .values({ tenant_id: tenantId, scope: 'GEWERBEREGISTER', year: 0, last_value: 1 })
    .onConflict((oc) => oc.columns(['tenant_id', 'scope', 'year']).doUpdateSet((eb) => ({ last_value: eb('reference_counters.last_value', '+', 1) })))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return Number(row.last_value);
}

/** The active entry a change or deregistration is about: by entry number, else by holder and address (a move: the previous one). */
export async function findEntryFor(trx: Trx, tenantId: string, data: CaseData, serviceId: string): Promise<{ id: string; version: number } | undefined> {
  let q = trx.selectFrom('gewerbe_register_entries').select(['id', 'version', 'data']).where('tenant_id', '=', tenantId).where('status', '=', 'active');
  const number = Number(text(data, 'registerEntryNumber'));
  if (Number.isInteger(number) && number > 0) return q.where('entry_number', '=', number).executeTakeFirst();
  const before = (serviceId === 'gewerbe-ummeldung' ? address(data, 'previousAddress') : undefined) ?? address(data, 'businessAddress');
  const snap = snapshotOf(data);
  q = q
    .where(sql<string>`lower(holder_name)`, '=', snap.holder_name.toLowerCase())
    .where('postal_code', '=', before?.postalCode ?? '')
    .where(sql<string>`lower(street)`, '=', (before?.street ?? '').toLowerCase());
  return q.orderBy('entry_number').executeTakeFirst();
}

async function addHistory(trx: Trx, tenantId: string, entryId: string, row: { caseId: string; kind: 'registered' | 'changed' | 'deregistered'; effectiveOn: string; at: Date; snapshot: unknown; changes: unknown[] }): Promise<void> {
  const last = await trx.selectFrom('gewerbe_register_history').select((eb) => eb.fn.max('seq').as('seq')).where('tenant_id', '=', tenantId).where('entry_id', '=', entryId).executeTakeFirst();
  await trx
    .insertInto('gewerbe_register_history')
    .values({
      tenant_id: tenantId,
      entry_id: entryId,
      seq: Number(last?.seq ?? 0) + 1,
      case_id: row.caseId,
      kind: row.kind,
      effective_on: row.effectiveOn,
      recorded_at: row.at,
      snapshot: JSON.stringify(row.snapshot),
      changes: JSON.stringify(row.changes),
    })
    .execute();
}

/** Applies a case's notification to the register (idempotent per case); returns the entry id. */
export async function applyToRegister(trx: Trx, tenantId: string, caseId: string, at: Date): Promise<string> {
  const done = await trx.selectFrom('gewerbe_register_history').select('entry_id').where('tenant_id', '=', tenantId).where('case_id', '=', caseId).executeTakeFirst();
  if (done) return done.entry_id;
  const row = await loadCase(trx, tenantId, caseId, { forUpdate: false });
  const data = row.data;
  const snapshot = snapshotOf(data);
  const effectiveOn = effectiveDate(data) ?? at.toISOString().slice(0, 10);
  const kind = row.service_id === 'gewerbe-abmeldung' ? 'deregistered' : row.service_id === 'gewerbe-ummeldung' ? 'changed' : 'registered';
  const existing = kind === 'registered' ? undefined : await findEntryFor(trx, tenantId, data, row.service_id);
  const closing = kind === 'deregistered' ? { status: 'closed' as const, closed_on: effectiveOn } : { status: 'active' as const, closed_on: null };

  if (existing) {
    const before = await trx.selectFrom('gewerbe_register_entries').selectAll().where('tenant_id', '=', tenantId).where('id', '=', existing.id).forUpdate().executeTakeFirstOrThrow();
    // A deregistration names the activity given up; it does not rewrite what the entry was.
    const after = kind === 'deregistered' ? (Object.fromEntries(FIELDS.map((f) => [f, before[f]])) as unknown as EntrySnapshot) : snapshot;
    await trx
      .updateTable('gewerbe_register_entries')
      .set({ ...after, ...closing, data: JSON.stringify(data), version: existing.version + 1, updated_at: at })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', existing.id)
      .execute();
    const changes = [...changesBetween(Object.fromEntries(FIELDS.map((f) => [f, before[f]])) as unknown as EntrySnapshot, after), ...(kind === 'deregistered' ? [{ field: 'status', from: 'active', to: 'closed' }] : [])];
    await addHistory(trx, tenantId, existing.id, { caseId, kind, effectiveOn, at, snapshot: after, changes });
    return existing.id;
  }
  const created = await trx
    .insertInto('gewerbe_register_entries')
    .values({ tenant_id: tenantId, entry_number: await nextEntryNumber(trx, tenantId), ...snapshot, ...closing, started_on: text(data, 'startDate') ?? effectiveOn, data: JSON.stringify(data), created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await addHistory(trx, tenantId, created.id, { caseId, kind, effectiveOn, at, snapshot, changes: [] });
  return created.id;
}

/** The workflow step `gewerbe.update-register`. */
export const updateRegisterStep: ProcedureStep = {
  id: 'gewerbe.update-register',
  run: (trx, invocation) => applyToRegister(trx, invocation.tenantId, invocation.caseId, invocation.at).then(() => undefined),
};
