/**
 * The documents panel of the back office case page: a provider for its generic panel list (id
 * `documents`, see src/modules/backoffice/case-panels.ts) with every version of every document,
 * its status, a download link and — for the newest, unreleased version of a kind — the release
 * button. It reads with the page's own transaction.
 */
import type { Trx } from '../../platform/db/database.js';
import { formatDateTime, pick, type Locale, type Translate } from '../../platform/i18n/i18n.js';
import { listCaseDocuments, type CaseDocument, type DocumentStatus } from './document-queries.js';
import { formatShortCode } from './short-code.js';
import { staffDocumentPath } from './staff-document-routes.js';

/** The part of the back office's panel context this provider reads. */
export interface DocumentsPanelContext {
  trx: Trx;
  tenantId: string;
  tenantSlug: string;
  caseId: string;
  locale: Locale;
  t: Translate;
}

const TONES: Record<DocumentStatus, 'info' | 'success' | 'warning' | 'danger'> = { unreleased: 'info', valid: 'success', superseded: 'warning', revoked: 'danger' };

/** True for the newest version of its kind that is not released yet. */
function releasable(doc: CaseDocument, all: readonly CaseDocument[]): boolean {
  return doc.status === 'unreleased' && !all.some((other) => other.kind === doc.kind && other.version > doc.version);
}

function item(doc: CaseDocument, all: readonly CaseDocument[], ctx: DocumentsPanelContext) {
  const { t, locale } = ctx;
  const name = t('documents.panel.name', { title: pick(doc.title, locale), version: doc.version });
  const path = staffDocumentPath(ctx.tenantSlug, ctx.caseId, doc.id);
  return {
    title: name,
    status: { label: t(`documents.status.${doc.status}`), tone: TONES[doc.status] },
    details: [
      t('documents.panel.created', { at: formatDateTime(doc.createdAt, locale) }),
      ...(doc.releasedAt ? [t('documents.panel.released', { at: formatDateTime(doc.releasedAt, locale) })] : []),
      t('documents.panel.code', { code: formatShortCode(doc.shortCode) }),
    ],
    link: { label: t('documents.panel.download', { name }), href: path },
    ...(releasable(doc, all) ? { action: { label: t('documents.panel.release', { name }), url: `${path}/freigeben` } } : {}),
  };
}

/** A provider for the case page's panel list (id `documents`, one item per document version). */
export function documentsCasePanel() {
  return {
    id: 'documents',
    async load(ctx: DocumentsPanelContext) {
      const docs = await listCaseDocuments(ctx.trx, ctx.tenantId, ctx.caseId);
      // Title and empty text are the back office's placeholder texts.
      return { items: docs.map((doc) => item(doc, docs, ctx)) };
    },
  };
}
