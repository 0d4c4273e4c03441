/**
 * The Gewerberegister in the back office, below `/{tenant}/staff` (tenantStaffScoped: the role in
 * this municipality is checked first; another municipality's staff get 404):
 *
 * - GET /gewerberegister            — search (`suche`, `stand` = active|closed|all, keyset `vor`);
 * - GET /gewerberegister.csv        — the same search as CSV (formula-safe, UTF-8 with BOM);
 * - GET /gewerberegister/:entryId   — one entry with its history and the cases behind it;
 * - POST /gewerberegister/:entryId/auszug — a register extract (PDF on the letterhead, verifiable),
 *   kept as a document of the entry's latest case; answers with the PDF's download address.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AppServices } from '../../../app.js';
import { publicBaseUrlOf } from '../../../config/settings.js';
import { requireStaff } from '../../../platform/auth/policies.js';
import { tenantStaffScoped } from '../../../platform/auth/tenant-staff-scope.js';
import { generateCaseDocument, type DocumentServices } from '../../../modules/documents/generate-document.js';
import { assetsLogoSource } from '../../../modules/documents/letterhead.js';
import { createPdfRenderer } from '../../../modules/documents/pdf-renderer.js';
import { staffDocumentPath } from '../../../modules/documents/staff-document-routes.js';
import { csvRecord, UTF8_BOM } from '../../../platform/csv/csv.js';
import type { Database } from '../../../platform/db/database.js';
import type { StaffRole } from '../../../platform/db/schema.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { formatDate, pick, type Translate } from '../../../platform/i18n/i18n.js';
import { loadGewerbeCodeLists, type GewerbeCodeLists } from '../code-lists.js';
import { findRegisterEntry, searchRegister, type RegisterEntry, type RegisterStatusFilter } from './register-queries.js';

/** Who may read the register: caseworkers and tenant admins. */
export const REGISTER_ROLES: readonly StaffRole[] = ['caseworker', 'tenant-admin'];

const PAGE_SIZE = 50;
const CSV_BATCH = 1000;

interface RegisterQuery {
  suche?: string;
  stand?: string;
  vor?: string;
}

interface RegisterRouteDeps {
  db: Database;
  codeLists: GewerbeCodeLists;
  documents: DocumentServices;
}

type Search = { text: string; status: RegisterStatusFilter; before?: number };

/** The search from the query string, and a message (naming the parameter) for each bad value, which is then left out. */
function readSearch(request: FastifyRequest<{ Querystring: RegisterQuery }>): { search: Search; problems: { path: string; message: { de: string; en: string } }[] } {
  const q = request.query;
  const problems: { path: string; message: { de: string; en: string } }[] = [];
  let status = (q.stand ?? 'active') as RegisterStatusFilter;
  if (!['active', 'closed', 'all'].includes(status)) {
    const value = String(q.stand).slice(0, 40);
    problems.push({ path: 'stand', message: { de: `Der Status „${value}“ ist unbekannt; möglich sind active, closed und all.`, en: `The status “${value}” is unknown; possible are active, closed and all.` } });
    status = 'active';
  }
  let before: number | undefined;
  if (q.vor !== undefined) {
    if (/^\d{1,9}$/.test(q.vor)) before = Number(q.vor);
    else problems.push({ path: 'vor', message: { de: 'Der Parameter „vor“ muss eine Registernummer sein.', en: 'The parameter “vor” must be a register number.' } });
  }
  return { search: { text: String(q.suche ?? '').slice(0, 200), status, ...(before !== undefined ? { before } : {}) }, problems };
}

/** The search, or a refusal naming the bad parameters (for the CSV, which has no page to show them on). */
function strictSearch(request: FastifyRequest<{ Querystring: RegisterQuery }>): Search {
  const { search, problems } = readSearch(request);
  if (problems.length > 0) throw new AppError('validation.failed', problems);
  return search;
}

/** One entry as the list and the CSV show it. */
function entryCells(e: RegisterEntry, codeLists: GewerbeCodeLists, t: Translate, locale: 'de' | 'en') {
  return {
    number: e.entry_number,
    holder: e.holder_name,
    company: e.company_name ?? '',
    tradeName: e.trade_name ?? '',
    legalForm: e.legal_form,
    activity: e.activity,
    wz: e.wz_code ? `${e.wz_code} ${pick({ de: codeLists.wz.get(e.wz_code)?.de ?? '', en: codeLists.wz.get(e.wz_code)?.en ?? '' }, locale)}`.trim() : '',
    premises: `${e.street} ${e.house_number ?? ''}, ${e.postal_code} ${e.town}`.replace(/\s+,/, ','),
    started: e.started_on,
    closed: e.closed_on ?? '',
    status: t(`gewerbe.register.status.${e.status}`),
  };
}

const CSV_COLUMNS = ['number', 'holder', 'company', 'tradeName', 'legalForm', 'activity', 'wz', 'premises', 'started', 'closed', 'status'] as const;

/** Routes below /:tenant/staff; register through {@link gewerberegisterModule}. */
export const registerStaffRoutes: FastifyPluginAsync<RegisterRouteDeps> = async (app, deps) => {
  app.get<{ Querystring: RegisterQuery }>('/gewerberegister', async (request, reply) => {
    const tenant = request.tenant!;
    const { search, problems } = readSearch(request);
    const rows = await deps.db.withTenant(tenant.id, (trx) => searchRegister(trx, tenant.id, { ...search, limit: PAGE_SIZE + 1 }));
    const base = `/${tenant.slug}/staff/gewerberegister`;
    const params = new URLSearchParams({ ...(search.text ? { suche: search.text } : {}), stand: search.status });
    const shown = rows.slice(0, PAGE_SIZE);
    if (problems.length > 0) reply.status(400);
    return reply.view('services/gewerbe/register/views/list', {
      title: request.t('gewerbe.register.title'),
      problems: problems.map((p) => pick(p.message, request.locale)),
      base,
      search,
      statuses: (['active', 'closed', 'all'] as const).map((s) => ({ value: s, label: request.t(`gewerbe.register.status.${s}`) })),
      rows: shown.map((e) => ({ ...entryCells(e, deps.codeLists, request.t, request.locale), url: `${base}/${e.id}`, started: formatDate(new Date(`${e.started_on}T12:00:00Z`), request.locale) })),
      csvUrl: `${base}.csv?${params.toString()}`,
      moreUrl: rows.length > PAGE_SIZE ? `${base}?${params.toString()}&vor=${shown[shown.length - 1]!.entry_number}` : null,
    });
  });

  app.get<{ Querystring: RegisterQuery }>('/gewerberegister.csv', async (request, reply) => {
    const tenant = request.tenant!;
    const search = strictSearch(request);
    const { t, locale } = request;
    async function* lines(): AsyncGenerator<string> {
      yield UTF8_BOM + csvRecord(CSV_COLUMNS.map((c) => t(`gewerbe.register.col.${c}`)));
      let before = search.before;
      for (;;) {
        const rows = await deps.db.withTenant(tenant.id, (trx) => searchRegister(trx, tenant.id, { ...search, ...(before !== undefined ? { before } : {}), limit: CSV_BATCH }));
        for (const e of rows) {
          const cells = entryCells(e, deps.codeLists, t, locale);
          yield csvRecord(CSV_COLUMNS.map((c) => cells[c]));
        }
        if (rows.length < CSV_BATCH) return;
        before = rows[rows.length - 1]!.entry_number;
      }
    }
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="gewerberegister-${tenant.slug}.csv"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(lines()));
  });

  app.post<{ Params: { entryId: string } }>('/gewerberegister/:entryId/auszug', async (request, reply) => {
    const tenant = request.tenant!;
    const staff = requireStaff(request);
    const found = await deps.db.withTenant(tenant.id, (trx) => findRegisterEntry(trx, tenant.id, request.params.entryId));
    if (!found) throw new AppError('http.not_found');
    const latest = found.history[found.history.length - 1]!;
    const { document } = await generateCaseDocument(deps.documents, { tenantId: tenant.id, caseId: latest.case_id, templateId: 'register-extract', actor: { kind: 'caseworker', id: staff.userId } });
    return reply.redirect(staffDocumentPath(tenant.slug, latest.case_id, document.id), 303);
  });

  app.get<{ Params: { entryId: string } }>('/gewerberegister/:entryId', async (request, reply) => {
    const tenant = request.tenant!;
    const found = await deps.db.withTenant(tenant.id, (trx) => findRegisterEntry(trx, tenant.id, request.params.entryId));
    if (!found) throw new AppError('http.not_found');
    const { entry, history } = found;
    const t = request.t;
    return reply.view('services/gewerbe/register/views/detail', {
      title: t('gewerbe.register.entry', { number: entry.entry_number }),
      back: `/${tenant.slug}/staff/gewerberegister`,
      extractUrl: `/${tenant.slug}/staff/gewerberegister/${entry.id}/auszug`,
      cells: entryCells(entry, deps.codeLists, t, request.locale),
      kind: entry.establishment_kind,
      history: history.map((h) => ({
        date: formatDate(new Date(`${h.effective_on}T12:00:00Z`), request.locale),
        event: t(`gewerbe.register.kind.${h.kind}`),
        reference: h.reference,
        caseUrl: `/${tenant.slug}/staff/vorgaenge/${h.case_id}`,
        changes: h.changes.map((c) => `${c.field}: ${String(c.from ?? '–')} → ${String(c.to ?? '–')}`),
      })),
    });
  });
};

/** Registers the Gewerberegister pages for caseworkers and tenant admins. */
export async function gewerberegisterModule(app: FastifyInstance, services: Pick<AppServices, 'db' | 'tenants' | 'storage' | 'clock' | 'packages' | 'settings'>): Promise<void> {
  const { db, storage, clock, packages, settings } = services;
  const documents: DocumentServices = {
    db,
    storage,
    clock,
    templates: packages.documentTemplates,
    renderer: createPdfRenderer(),
    logos: assetsLogoSource(),
    publicBaseUrl: publicBaseUrlOf(settings),
    tenantSettings: packages.tenantSettings,
    documentFacts: packages.documentFacts,
  };
  await app.register(tenantStaffScoped(registerStaffRoutes, services.tenants, { db, codeLists: loadGewerbeCodeLists(), documents }, REGISTER_ROLES));
}
