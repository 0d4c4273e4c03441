/**
 * Test helpers for what follows an approved traffic order: an order applied for through the form
 * and approved by a caseworker, the applicant's forms below the status link posted as a browser
 * sends them, and the order's workflow timers fired through the real `cases.fire-timer` job at the
 * test clock's time (pg-boss keeps a delayed job back until its real time, so tests run it directly).
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Clock } from '../../../../app.js';
import { fireTimerJob } from '../../../../modules/cases/case-jobs.js';
import { MULTIPART_CONTENT_TYPE, multipartBody, type FormPart } from '../../../../../test/support/multipart-body.js';
import { csrfTokenIn, type Browser, type TestContext } from '../../../../../test/support/test-app.js';
import { applyAndProcess, approveCase, jobContext, runQueuedJobs } from '../../../../../test/support/traffic-journey.js';

/** A traffic order applied for through the form and approved; the browser is the applicant's. */
export async function approvedOrder(ctx: TestContext, clock: Clock, tenant: { slug: string; id: string }, answers: Record<string, Record<string, string>>, staffId: string) {
  const applied = await applyAndProcess(ctx, clock, tenant, answers);
  const approved = await approveCase(ctx, clock, tenant.id, applied.row.id, staffId);
  expect(approved.state).toBe('approved');
  return { reference: applied.reference, statusPath: applied.statusPath, caseId: applied.row.id, browser: applied.browser };
}

/** The CSRF token of the pages below a status link (bound to the link). */
export async function statusCsrf(browser: Browser, statusPath: string): Promise<string> {
  const token = csrfTokenIn((await browser.get(statusPath)).body);
  if (!token) throw new Error(`No form on ${statusPath}`);
  return token;
}

/** A photo part of the set-up form. */
export const photo = (filename: string, content: Buffer, contentType = 'image/jpeg'): FormPart => ({ name: 'photos', filename, content, contentType });

/** Posts the set-up form as the browser sends it: `_csrf` first, then the fields, then the photos. */
export async function postSetup(ctx: TestContext, statusPath: string, csrf: string | undefined, fields: Record<string, string>, photos: FormPart[]): Promise<LightMyRequestResponse> {
  const parts: FormPart[] = [...(csrf !== undefined ? [{ name: '_csrf', value: csrf }] : []), ...Object.entries(fields).map(([name, value]) => ({ name, value })), ...photos];
  return ctx.app.inject({
    method: 'POST',
    url: `${statusPath}/aufstellprotokoll`,
    payload: multipartBody(parts),
    headers: { 'content-type': MULTIPART_CONTENT_TYPE, 'sec-fetch-site': 'same-origin' },
  });
}

/** The armed timers of a case, by name. */
export async function armedTimers(ctx: TestContext, tenantId: string, caseId: string) {
  return ctx.db.withTenant(tenantId, (trx) =>
    trx.selectFrom('case_timers').select(['id', 'name', 'state', 'due_at', 'status']).where('case_id', '=', caseId).where('status', '=', 'armed').orderBy('due_at').execute(),
  );
}

/** Runs the `cases.fire-timer` job of the case's armed timer `name` at the clock's time, then the jobs it queued (mail, documents). */
export async function fireTimerNow(ctx: TestContext, clock: Clock, tenantId: string, caseId: string, name: string): Promise<void> {
  const timer = (await armedTimers(ctx, tenantId, caseId)).find((t) => t.name === name);
  if (!timer) throw new Error(`No armed timer "${name}" on case ${caseId}`);
  await fireTimerJob.handler({ tenantId, timerId: timer.id }, jobContext(ctx, clock, fireTimerJob.name));
  await runQueuedJobs(ctx, clock, ['verkehr.end-reminder', 'documents.generate']);
}
