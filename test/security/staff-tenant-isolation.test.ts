/**
 * Tenant isolation of the staff area, for EVERY route below `/:tenant/staff` that the app
 * registers — today's and any added later. A Wurzen caseworker (and a Wurzen admin, a person
 * working for two other municipalities, and the platform operator) asking for the Bennewitz
 * variant gets 404, the same answer as for a page that does not exist.
 *
 * A new route with a path parameter other than `:tenant` fails this test until a Bennewitz value
 * for that parameter is added to `bennewitzParams` below (e.g. the id of a Bennewitz case), so
 * "by URL or by id" stays covered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCaseDocument } from '../../src/modules/documents/generate-document.js';
import { testDocumentServices } from '../fixtures/documents/test-templates.js';
import { createStaff, loginAs } from '../support/factories.js';
import { insertCase, insertCaseFile } from '../support/factories-backoffice.js';
import { tenantIdOf } from '../support/factories-cases.js';
import { configureTestChannel, queueTestDelivery } from '../support/delivery-kit.js';
import { Browser, createTestContext, csrfTokenIn, type TestContext } from '../support/test-app.js';
import { insertTrafficCase } from '../support/traffic-journey.js';
import { webDesignerAnswers } from '../../src/services/gewerbe/testing/gewerbe-answers.js';
import { registerGewerbe } from '../../src/services/gewerbe/testing/register-factory.js';

type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

describe('staff routes refuse other municipalities’ staff with 404', () => {
  let ctx: TestContext;
  /** Values of path parameters that point at Bennewitz (its slug, and later its records). */
  let bennewitzParams: Record<string, string>;
  let staffRoutes: { method: Method; url: string }[];

  beforeAll(async () => {
    ctx = await createTestContext();
    // A Bennewitz case with an attachment, for the routes that name a case, a file or a workflow step.
    const bennewitz = await tenantIdOf(ctx.db, 'bennewitz');
    const caseId = await insertCase(ctx.db, bennewitz, { reference: 'BEN-TST-2026-000001' });
    const fileId = await insertCaseFile(ctx.db, ctx.storage, bennewitz, caseId, { name: 'Anlage.pdf', mediaType: 'application/pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n') });
    bennewitzParams = { tenant: 'bennewitz', caseId, fileId, transitionId: 'take-over' };
    // A generated document of that case, for the document routes.
    const { document } = await generateCaseDocument(testDocumentServices(ctx.db, { storage: ctx.storage }), { tenantId: bennewitz, caseId, templateId: 'test-notice' });
    bennewitzParams.documentId = document.id;
    // A queued Bennewitz delivery of that case, for the deliveries routes.
    await configureTestChannel(ctx.db, bennewitz, { id: 'ihk', displayName: 'IHK', channelType: 'failing-demo', options: {} });
    bennewitzParams.deliveryId = await queueTestDelivery(ctx, bennewitz, caseId, { channelId: 'ihk' });
    // An open Bennewitz information request of that case, for the request routes.
    bennewitzParams.requestId = await ctx.db.withTenant(bennewitz, async (trx) => {
      const row = await trx
        .insertInto('information_requests')
        .values({ tenant_id: bennewitz, case_id: caseId, requested_at: new Date(), message: 'Bitte den Grundriss nachreichen.', due_date: '2099-01-01' })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    });
    // A Bennewitz traffic-order case, for the consultation routes.
    bennewitzParams.trafficCaseId = await insertTrafficCase(ctx.db, bennewitz, 'BEN-VRA-2026-000001');
    // A Bennewitz Gewerberegister entry, for the register routes.
    const business = { ...webDesignerAnswers(), businessAddress: { street: 'Bahnhofstraße', houseNumber: '1', postalCode: '04828', town: 'Bennewitz', country: 'DE' } };
    bennewitzParams.entryId = (await registerGewerbe(ctx.db, bennewitz, business)).entryId;
    staffRoutes = ctx.app
      .registeredRoutes()
      .filter((r) => r.url === '/:tenant/staff' || r.url.startsWith('/:tenant/staff/'))
      .map((r) => ({ method: r.method as Method, url: r.url }));
  });
  afterAll(async () => {
    await ctx?.close();
  });

  function fill(url: string, params: Record<string, string>): string {
    if (url.includes('*')) throw new Error(`Wildcard staff route ${url}: give it a concrete Bennewitz path in this test`);
    return url.replace(/:([A-Za-z0-9_]+)(\([^)]*\))?/g, (_m, name: string) => {
      const value = params[name];
      if (value === undefined) throw new Error(`Staff route ${url} has the parameter :${name}; add a Bennewitz value for it to bennewitzParams`);
      return encodeURIComponent(value);
    });
  }

  async function requestAs(browser: Browser, method: Method, url: string) {
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') {
      return ctx.app.inject({ method, url, cookies: Object.fromEntries(browser.cookies) });
    }
    // A valid token of the signed-in session, so the request gets past CSRF and meets the policy.
    const token = csrfTokenIn((await browser.get('/staff/password')).body)!;
    return ctx.app.inject({
      method,
      url,
      cookies: Object.fromEntries(browser.cookies),
      headers: { 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': token },
      payload: `_csrf=${encodeURIComponent(token)}`,
    });
  }

  it('finds the staff routes, and every one has values for its parameters', () => {
    expect(staffRoutes.length).toBeGreaterThan(0);
    expect(staffRoutes.some((r) => r.method === 'GET' && r.url.replace(/\/$/, '') === '/:tenant/staff')).toBe(true);
    for (const r of staffRoutes) expect(() => fill(r.url, bennewitzParams)).not.toThrow();
  });

  it('answers 404 to staff of other municipalities and to the operator, on every staff route', async () => {
    const outsiders = [
      await createStaff(ctx.db, { tenantSlug: 'wurzen', role: 'caseworker' }),
      await createStaff(ctx.db, { tenantSlug: 'wurzen', role: 'tenant-admin' }),
      await createStaff(ctx.db, { tenantSlug: 'lossatal', role: 'tenant-admin', alsoIn: [{ tenantSlug: 'thallwitz', role: 'caseworker' }] }),
      await createStaff(ctx.db, { operator: true }),
    ];
    const notFound = await ctx.app.inject('/bennewitz/staff/gibt-es-nicht');
    expect(notFound.statusCode).toBe(404);
    for (const person of outsiders) {
      const browser = new Browser(ctx.app);
      await loginAs(browser, person.email, person.password);
      for (const route of staffRoutes) {
        const url = fill(route.url, bennewitzParams);
        const res = await requestAs(browser, route.method, url);
        expect(res.statusCode, `${person.email}: ${route.method} ${url}`).toBe(404);
        if (route.method !== 'HEAD') expect(res.body, `${route.method} ${url}`).toContain('Diese Seite gibt es nicht.');
      }
    }
  });

  it('serves the same pages to Bennewitz staff, so the 404 above is the policy and not a broken route', async () => {
    const insider = await createStaff(ctx.db, { tenantSlug: 'bennewitz', role: 'caseworker' });
    const browser = new Browser(ctx.app);
    await loginAs(browser, insider.email, insider.password);
    for (const route of staffRoutes.filter((r) => r.method === 'GET')) {
      const url = fill(route.url, bennewitzParams);
      const res = await requestAs(browser, 'GET', url);
      expect(res.statusCode, `GET ${url}`).toBe(200);
    }
  });

  it('sends visitors without a session to the login page instead', async () => {
    for (const route of staffRoutes.filter((r) => r.method === 'GET')) {
      const url = fill(route.url, bennewitzParams);
      const res = await ctx.app.inject(url);
      expect(res.statusCode, url).toBe(303);
      expect(String(res.headers.location), url).toMatch(/^\/staff\/login\?next=/);
    }
  });
});
