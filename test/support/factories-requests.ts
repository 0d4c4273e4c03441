/**
 * Test helpers for information requests: a case of the fixture workflow with a working status
 * link, the staff form posted through a signed-in browser, the applicant's multipart answer as a
 * browser sends it, and a look into the job queue.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Database } from '../../src/platform/db/database.js';
import { hashToken, statusTokenFor } from '../../src/modules/cases/status-links.js';
import { answerPath, requestFormPath, statusPagePath } from '../../src/modules/requests/request-paths.js';
import { insertCase, type CaseSpec } from './factories-backoffice.js';
import { MULTIPART_CONTENT_TYPE, multipartBody, type FormPart } from './multipart-body.js';
import { csrfTokenIn, type Browser, type TestContext } from './test-app.js';

export const SAMPLE_PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

/** A case of 'test-service' (fixture workflow) whose status link works; returns its id and token. */
export async function caseWithStatusLink(ctx: Pick<TestContext, 'db' | 'secret'>, tenantId: string, spec: CaseSpec = {}): Promise<{ caseId: string; token: string }> {
  const caseId = await insertCase(ctx.db, tenantId, { applicantEmail: 'anna@example.org', applicantName: 'Anna Müller', ...spec });
  const token = statusTokenFor(ctx.secret, caseId, 1);
  await ctx.db.withTenant(tenantId, (trx) => trx.updateTable('cases').set({ status_token_hash: hashToken(token) }).where('tenant_id', '=', tenantId).where('id', '=', caseId).execute());
  return { caseId, token };
}

/** Posts the staff form of a new request (token read from the form page). */
export async function postRequestForm(browser: Browser, tenantSlug: string, caseId: string, form: { message: string; dueDate: string }): Promise<LightMyRequestResponse> {
  const url = requestFormPath(tenantSlug, caseId);
  const token = await browser.csrfFrom(url);
  return browser.post(url, { _csrf: token, ...form });
}

/** The id of the newest request of a case. */
export async function newestRequestId(db: Database, tenantId: string, caseId: string): Promise<string> {
  const row = await db.withTenant(tenantId, (trx) =>
    trx.selectFrom('information_requests').select('id').where('tenant_id', '=', tenantId).where('case_id', '=', caseId).orderBy('requested_at', 'desc').executeTakeFirstOrThrow(),
  );
  return row.id;
}

/** The CSRF token of the status page (bound to the status link). */
export async function statusPageToken(app: FastifyInstance, tenantSlug: string, token: string): Promise<string> {
  const page = await app.inject(statusPagePath(tenantSlug, token));
  const csrf = csrfTokenIn(page.body);
  if (!csrf) throw new Error(`No CSRF token on the status page (status ${page.statusCode})`);
  return csrf;
}

/** Posts an answer as the browser sends the status page's form: `_csrf` first, then the text, then the files. */
export async function postAnswer(
  app: FastifyInstance,
  target: { tenantSlug: string; token: string; requestId: string },
  answer: { csrf?: string; text?: string; files?: { filename: string; content: Buffer; contentType?: string }[] },
): Promise<LightMyRequestResponse> {
  const parts: FormPart[] = [
    ...(answer.csrf !== undefined ? [{ name: '_csrf', value: answer.csrf }] : []),
    { name: 'answer', value: answer.text ?? '' },
    ...(answer.files ?? []).map((f) => ({ name: 'files', ...f })),
  ];
  return app.inject({
    method: 'POST',
    url: answerPath(target.tenantSlug, target.token, target.requestId),
    payload: multipartBody(parts),
    headers: { 'content-type': MULTIPART_CONTENT_TYPE, 'sec-fetch-site': 'same-origin' },
  });
}

/** Jobs of a queue, optionally only those whose payload has `key` = `value` (pgboss.job, read as the app role). */
export async function queuedJobs(db: Database, name: string, where?: { key: string; value: string }): Promise<{ data: Record<string, unknown>; startAfter: Date }[]> {
  const filter = where ? ` AND data->>'${where.key.replace(/[^a-zA-Z]/g, '')}' = $2` : '';
  const params = where ? [name, where.value] : [name];
  const rows = await db.sql.query<{ data: Record<string, unknown>; start_after: Date }>(`SELECT data, start_after FROM pgboss.job WHERE name = $1${filter} ORDER BY created_on`, params);
  return rows.rows.map((r) => ({ data: r.data, startAfter: new Date(r.start_after) }));
}
