/**
 * The steps of the form runner that do not depend on HTTP: opening a draft by its link, saving a
 * page post (answers, uploads, row and file actions), and deciding where the applicant goes next.
 * Every post is saved, valid or not, so nothing typed is lost.
 */
import type { JsonObject } from '../../definitions/core/json.js';
import type { FormInput } from '../../definitions/core/form-input.js';
import type { ServiceDefinition, PageSpec } from '../../definitions/model/service-definition.js';
import { applyFormAction, parseFormAction, parseFormPage } from '../../definitions/validation/form-post.js';
import { findPage, firstPage, nextPage, visiblePages } from '../../definitions/validation/navigation.js';
import { validatePage, type ValidationError } from '../../definitions/validation/validate.js';
import type { PreSubmitResult } from '../../definitions/service-package.js';
import type { Database, Trx } from '../../platform/db/database.js';
import type { FileStorage } from '../../platform/storage/file-storage.js';
import type { UploadForm } from '../../platform/uploads/multipart.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { attachUploads, removeDraftFile } from './draft-uploads.js';
import { saveDraft, type DraftRecord } from './draft-store.js';

export type PostOutcome =
  | { kind: 'show'; data: JsonObject; raw?: FormInput; errors: readonly ValidationError[]; focus?: string | undefined }
  | { kind: 'next'; pageId: string | null };

/** The page, if it is one the applicant may see now (its condition holds). */
export function visiblePage(definition: ServiceDefinition, pageId: string, data: JsonObject, now: Date): PageSpec | undefined {
  const page = findPage(definition, pageId);
  return page && visiblePages(definition, data, { now }).some((p) => p.id === page.id) ? page : undefined;
}

/** Where a returning applicant continues: the first visible page not yet completed, else the check page (null). */
export function resumePageId(definition: ServiceDefinition, draft: DraftRecord, now: Date): string | null {
  const pages = visiblePages(definition, draft.data as JsonObject, { now });
  const open = pages.find((p) => !draft.completedPages.includes(p.id));
  return open ? open.id : draft.completedPages.length === 0 ? firstPage(definition, draft.data as JsonObject, { now }).id : null;
}

/** Handles one page post and saves the draft; says whether to show the page again or move on. */
export async function handlePagePost(
  deps: { db: Database; storage: FileStorage; retentionDays: number },
  args: {
    definition: ServiceDefinition;
    draft: DraftRecord;
    page: PageSpec;
    raw: FormInput;
    uploads: UploadForm['files'];
    locale: Locale;
    now: Date;
    /** The service's pre-submit check (`ServicePackage.preSubmitCheck`); its errors on this page's fields stop the page. */
    check?: (trx: Trx, data: JsonObject) => Promise<PreSubmitResult>;
  },
): Promise<PostOutcome> {
  const { definition, draft, page, raw, now } = args;
  const expiresAt = new Date(now.getTime() + deps.retentionDays * 24 * 3600 * 1000);
  return deps.db.withTenant(draft.tenantId, async (trx) => {
    const action = parseFormAction(raw.action);
    let data = parseFormPage(definition, page.id, raw, draft.data as JsonObject, { now });
    const uploaded = await attachUploads(trx, deps.storage, definition, draft, data, args.uploads, now);
    data = uploaded.data;
    if (action.kind !== 'continue') {
      if (action.kind === 'remove-file') await removeDraftFile(trx, deps.storage, draft, action.fileId);
      const applied = applyFormAction(definition, page.id, data, action);
      await saveDraft(trx, draft, { data: applied.data, completedPages: draft.completedPages, locale: args.locale, now, expiresAt });
      return { kind: 'show', data: applied.data, errors: uploaded.errors, focus: applied.focus };
    }
    const result = validatePage(definition, page.id, data, { now });
    const errors = [...uploaded.errors, ...result.errors];
    if (errors.length === 0 && args.check) {
      const onPage = new Set(page.fields.map((f) => f.id));
      errors.push(...(await args.check(trx, result.data)).errors.filter((e) => onPage.has(e.fieldId)));
    }
    const completed = errors.length === 0 ? [...new Set([...draft.completedPages, page.id])] : draft.completedPages.filter((p) => p !== page.id);
    await saveDraft(trx, draft, { data: result.data, completedPages: completed, locale: args.locale, now, expiresAt });
    if (errors.length > 0) return { kind: 'show', data: result.data, raw, errors };
    const incomplete = visiblePages(definition, result.data, { now }).find((p) => !completed.includes(p.id));
    // A change made from the check page returns there once everything is complete.
    if (raw.returnToCheck === '1' && !incomplete) return { kind: 'next', pageId: null };
    const next = nextPage(definition, page.id, result.data, { now });
    return { kind: 'next', pageId: next?.id ?? incomplete?.id ?? null };
  });
}
