/**
 * Drafts: unfinished applications kept on the server after every page, reached by a secret
 * resume link. The link token is 256 random bits; only its SHA-256 is stored, so the database
 * alone cannot resume anyone's draft. An expired draft is treated as absent.
 */
import { randomBytes } from 'node:crypto';
import type { Trx } from '../../platform/db/database.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { hashToken, looksLikeToken } from '../cases/status-links.js';

export interface DraftRecord {
  id: string;
  tenantId: string;
  serviceId: string;
  serviceVersion: number;
  data: Record<string, unknown>;
  completedPages: string[];
  locale: Locale;
  resumeEmail: string | null;
  submittedCaseId: string | null;
  expiresAt: Date;
  updatedAt: Date;
}

type DraftRow = {
  id: string;
  tenant_id: string;
  service_id: string;
  service_version: number;
  data: Record<string, unknown>;
  completed_pages: string[];
  locale: Locale;
  resume_email: string | null;
  submitted_case_id: string | null;
  expires_at: Date;
  updated_at: Date;
};

function toRecord(r: DraftRow): DraftRecord {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    serviceId: r.service_id,
    serviceVersion: r.service_version,
    data: r.data,
    completedPages: r.completed_pages,
    locale: r.locale,
    resumeEmail: r.resume_email,
    submittedCaseId: r.submitted_case_id,
    expiresAt: r.expires_at,
    updatedAt: r.updated_at,
  };
}

const COLUMNS = [
  'id',
  'tenant_id',
  'service_id',
  'service_version',
  'data',
  'completed_pages',
  'locale',
  'resume_email',
  'submitted_case_id',
  'expires_at',
  'updated_at',
] as const;

/** Creates an empty draft; returns it with its resume token (shown to the applicant, never stored). */
export async function createDraft(
  trx: Trx,
  fields: { tenantId: string; serviceId: string; serviceVersion: number; locale: Locale; now: Date; expiresAt: Date },
): Promise<{ draft: DraftRecord; token: string }> {
  const token = randomBytes(32).toString('base64url');
  const row = await trx
    .insertInto('drafts')
    .values({
      tenant_id: fields.tenantId,
      token_hash: hashToken(token),
      service_id: fields.serviceId,
      service_version: fields.serviceVersion,
      locale: fields.locale,
      created_at: fields.now,
      updated_at: fields.now,
      expires_at: fields.expiresAt,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return { draft: toRecord(row as DraftRow), token };
}

/**
 * Finds a live draft by its resume token. `forUpdate` locks the row for the rest of the
 * transaction, so two submits of one draft run one after the other.
 */
export async function findDraftByToken(trx: Trx, tenantId: string, token: string, now: Date, opts: { forUpdate?: boolean } = {}): Promise<DraftRecord | null> {
  if (!looksLikeToken(token)) return null;
  let query = trx
    .selectFrom('drafts')
    .select(COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('token_hash', '=', hashToken(token))
    .where('expires_at', '>', now);
  if (opts.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toRecord(row as DraftRow) : null;
}

/** Saves the answers and progress of a draft and extends its life. */
export async function saveDraft(
  trx: Trx,
  draft: Pick<DraftRecord, 'tenantId' | 'id'>,
  changes: { data: Record<string, unknown>; completedPages: string[]; locale?: Locale; now: Date; expiresAt: Date },
): Promise<void> {
  await trx
    .updateTable('drafts')
    .set({
      data: JSON.stringify(changes.data),
      completed_pages: changes.completedPages,
      ...(changes.locale ? { locale: changes.locale } : {}),
      updated_at: changes.now,
      expires_at: changes.expiresAt,
    })
    .where('tenant_id', '=', draft.tenantId)
    .where('id', '=', draft.id)
    .execute();
}

/** Remembers the e-mail address the resume link was sent to. */
export async function setResumeEmail(trx: Trx, draft: Pick<DraftRecord, 'tenantId' | 'id'>, email: string): Promise<void> {
  await trx.updateTable('drafts').set({ resume_email: email }).where('tenant_id', '=', draft.tenantId).where('id', '=', draft.id).execute();
}
