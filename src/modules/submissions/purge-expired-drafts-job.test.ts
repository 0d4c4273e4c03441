import { Readable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MULTIPART_CONTENT_TYPE, multipartBody } from '../../../test/support/multipart-body.js';
import { fixturePackages, offerOnline } from '../../../test/support/service-fixtures.js';
import { tenantIdOf } from '../../../test/support/factories-cases.js';
import { Browser, createTestContext, csrfTokenIn, TestClock, type TestContext } from '../../../test/support/test-app.js';
import { samplePdf } from '../../../test/support/upload-samples.js';
import { allJobs } from '../../job-registry.js';
import type { JobContext } from '../../platform/jobs/job.js';
import { ORPHAN_UPLOAD_HOURS, purgeExpiredDraftsJob } from './purge-expired-drafts-job.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('submissions.purge-expired-drafts', () => {
  let ctx: TestContext;
  const clock = new TestClock(new Date('2026-11-28T09:00:00Z'));

  beforeAll(async () => {
    ctx = await createTestContext({ packages: fixturePackages(), clock });
    await offerOnline(ctx.db, 'umzugsmeldung', ['wurzen']);
    await offerOnline(ctx.db, 'sperrmuell', ['bennewitz']);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const runJob = () => purgeExpiredDraftsJob.handler({}, { db: ctx.db, storage: ctx.storage, clock, log: pino({ level: 'silent' }) } as Partial<JobContext> as JobContext);

  /** Starts a draft through the runner; returns its link base (`/{tenant}/{service}/antrag/{token}`). */
  async function startDraft(browser: Browser, tenant: string, service: string): Promise<string> {
    const created = await browser.post(`/${tenant}/${service}/antrag`, {});
    expect(created.statusCode).toBe(303);
    return String(created.headers.location).replace(/\/seite\/[^/]+$/, '');
  }

  /** Posts a page of the draft as its form would. */
  async function postPage(browser: Browser, base: string, page: string, form: Record<string, string>): Promise<void> {
    const token = csrfTokenIn((await browser.get(`${base}/seite/${page}`)).body)!;
    const res = await browser.post(`${base}/seite/${page}`, { _csrf: token, ...form });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
  }

  /** Uploads the landlord's confirmation on the documents page of a draft. */
  async function uploadOnDraft(browser: Browser, base: string): Promise<void> {
    const token = csrfTokenIn((await browser.get(`${base}/seite/documents`)).body)!;
    const res = await ctx.app.inject({
      method: 'POST',
      url: `${base}/seite/documents`,
      headers: { 'content-type': MULTIPART_CONTENT_TYPE, 'sec-fetch-site': 'same-origin' },
      payload: multipartBody([
        { name: '_csrf', value: token },
        { name: 'action', value: 'continue' },
        { name: 'landlordConfirmation', filename: 'Bestätigung.pdf', content: samplePdf(), contentType: 'application/pdf' },
      ]),
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
  }

  /** An attachment uploaded through the API and never submitted. */
  async function uploadByApi(): Promise<string> {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/wurzen/services/umzugsmeldung/attachments?field=landlordConfirmation',
      headers: { 'content-type': MULTIPART_CONTENT_TYPE },
      payload: multipartBody([{ name: 'landlordConfirmation', filename: 'Nachweis.pdf', content: samplePdf(), contentType: 'application/pdf' }]),
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: string }).id;
  }

  /** Drafts and files of a municipality, with whether each file's object is still in storage. */
  async function snapshot(slug: string) {
    const tenantId = await tenantIdOf(ctx.db, slug);
    const rows = await ctx.db.withTenant(tenantId, async (trx) => ({
      drafts: await trx.selectFrom('drafts').select(['id', 'submitted_case_id']).where('tenant_id', '=', tenantId).execute(),
      files: await trx.selectFrom('files').select(['id', 'draft_id', 'case_id', 'storage_key']).where('tenant_id', '=', tenantId).execute(),
    }));
    const files = await Promise.all(rows.files.map(async (f) => ({ ...f, stored: await ctx.storage.exists(f.storage_key) })));
    return { tenantId, drafts: rows.drafts, files };
  }

  it('deletes expired unsubmitted drafts with their files and abandoned uploads, leaves the rest, and can run twice', async () => {
    const browser = new Browser(ctx.app);
    // Day 0: a draft with an upload that is never finished, one that is submitted, a draft in
    // another municipality, and an API upload never submitted.
    const abandoned = await startDraft(browser, 'wurzen', 'umzugsmeldung');
    await uploadOnDraft(browser, abandoned);
    const submitted = await startDraft(browser, 'wurzen', 'umzugsmeldung');
    await postPage(browser, submitted, 'person', { 'name.given': 'Anna', 'name.family': 'Müller', birthDate: '01.06.1985' });
    await postPage(browser, submitted, 'new-home', { 'newAddress.street': 'Markt', 'newAddress.houseNumber': '1', 'newAddress.postalCode': '04808', 'newAddress.town': 'Wurzen', moveInDate: '20.11.2026', fromAbroad: 'no' });
    await postPage(browser, submitted, 'previous-home', { 'previousAddress.street': 'Hauptstraße', 'previousAddress.houseNumber': '5', 'previousAddress.postalCode': '04103', 'previousAddress.town': 'Leipzig' });
    await postPage(browser, submitted, 'household', { movesWithOthers: 'no' });
    await uploadOnDraft(browser, submitted);
    await postPage(browser, submitted, 'declaration', { truthful: 'yes' });
    const sent = await browser.post(`${submitted}/absenden`, { _csrf: csrfTokenIn((await browser.get(`${submitted}/pruefen`)).body)! });
    expect(sent.statusCode).toBe(303);
    await startDraft(browser, 'bennewitz', 'sperrmuell');
    const oldApiUpload = await uploadByApi();

    const day0 = await snapshot('wurzen');
    const abandonedDraft = day0.drafts.find((d) => d.submitted_case_id === null)!.id;
    const submittedDraft = day0.drafts.find((d) => d.submitted_case_id !== null)!.id;
    const abandonedFile = day0.files.find((f) => f.draft_id === abandonedDraft)!.id;
    const caseFile = day0.files.find((f) => f.case_id !== null)!.id;
    // A file left on the submitted draft (not referenced by the case, so not moved to it).
    const leftoverKey = `${day0.tenantId}/draft-upload/00000000-0000-4000-8000-000000000001`;
    await ctx.storage.put(leftoverKey, Readable.from([samplePdf()]));
    const leftover = await ctx.db.withTenant(day0.tenantId, (trx) =>
      trx
        .insertInto('files')
        .values({ tenant_id: day0.tenantId, draft_id: submittedDraft, field_path: 'landlordConfirmation', purpose: 'application', storage_key: leftoverKey, display_name: 'alt.pdf', media_type: 'application/pdf', size_bytes: 10, sha256: '0'.repeat(64), created_at: clock.now() })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );

    // After the retention period: a fresh draft with an upload, and a fresh API upload that
    // is not yet a day old when the job runs.
    clock.advance(ctx.settings.draftRetentionDays * DAY + DAY);
    await uploadOnDraft(browser, await startDraft(browser, 'wurzen', 'umzugsmeldung'));
    const freshApiUpload = await uploadByApi();
    clock.advance(ORPHAN_UPLOAD_HOURS * HOUR - HOUR);

    const before = await snapshot('wurzen');
    const liveDraft = before.drafts.find((d) => d.id !== abandonedDraft && d.id !== submittedDraft)!.id;
    const liveFile = before.files.find((f) => f.draft_id === liveDraft)!.id;
    expect(before.files.map((f) => f.id).sort()).toEqual([abandonedFile, caseFile, leftover.id, oldApiUpload, liveFile, freshApiUpload].sort());
    expect(before.files.every((f) => f.stored)).toBe(true);
    expect((await snapshot('bennewitz')).drafts).toHaveLength(1);

    await runJob();
    const after = await snapshot('wurzen');
    expect(after.drafts.map((d) => d.id).sort()).toEqual([submittedDraft, liveDraft].sort());
    expect(after.files.map((f) => f.id).sort()).toEqual([caseFile, liveFile, freshApiUpload].sort());
    expect(after.files.every((f) => f.stored)).toBe(true);
    // What was deleted is gone from storage too.
    for (const f of before.files.filter((b) => [abandonedFile, leftover.id, oldApiUpload].includes(b.id))) expect(await ctx.storage.exists(f.storage_key), f.id).toBe(false);
    // Every municipality is purged: Bennewitz's expired draft is gone too.
    expect((await snapshot('bennewitz')).drafts).toEqual([]);

    // A second run finds nothing more to do and changes nothing.
    await runJob();
    expect(await snapshot('wurzen')).toEqual(after);
  });

  it('is registered as an hourly job', () => {
    const job = allJobs().find((j) => j.name === 'submissions.purge-expired-drafts');
    expect(job?.schedule?.cron).toMatch(/^\d+ \* \* \* \*$/);
  });
});
