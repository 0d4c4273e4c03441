import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePackages, offerOnline } from '../../../test/support/service-fixtures.js';
import { Browser, createTestContext, csrfTokenIn, TestClock, type TestContext } from '../../../test/support/test-app.js';

/** One row of the shared table: the same answers as a form post and as JSON, and the verdict both must give. */
interface Row {
  name: string;
  form: Record<string, string>;
  json: Record<string, unknown>;
  ok: boolean;
  /** Error paths both channels must report. */
  paths?: string[];
}

const address = { street: 'Markt', houseNumber: '1', postalCode: '04808', town: 'Wurzen' };
const addressForm = { 'address.street': 'Markt', 'address.houseNumber': '1', 'address.postalCode': '04808', 'address.town': 'Wurzen' };

const TABLE: Row[] = [
  { name: 'complete', form: { ...addressForm, preferredDate: '10.12.2026', volume: '2,5', note: 'Hof' }, json: { address, preferredDate: '2026-12-10', volume: 2.5, note: 'Hof' }, ok: true },
  { name: 'postal code with four digits', form: { ...addressForm, 'address.postalCode': '4808', preferredDate: '10.12.2026', volume: '2' }, json: { address: { ...address, postalCode: '4808' }, preferredDate: '2026-12-10', volume: 2 }, ok: false, paths: ['address.postalCode'] },
  { name: 'date too early', form: { ...addressForm, preferredDate: '29.11.2026', volume: '2' }, json: { address, preferredDate: '2026-11-29', volume: 2 }, ok: false, paths: ['preferredDate'] },
  { name: 'volume too large', form: { ...addressForm, preferredDate: '10.12.2026', volume: '11' }, json: { address, preferredDate: '2026-12-10', volume: 11 }, ok: false, paths: ['volume'] },
  { name: 'missing volume', form: { ...addressForm, preferredDate: '10.12.2026' }, json: { address, preferredDate: '2026-12-10' }, ok: false, paths: ['volume'] },
  { name: 'script in the note stays text', form: { ...addressForm, preferredDate: '10.12.2026', volume: '1', note: '<script>alert(1)</script>' }, json: { address, preferredDate: '2026-12-10', volume: 1, note: '<script>alert(1)</script>' }, ok: true },
];

describe('JSON API', () => {
  let ctx: TestContext;
  const clock = new TestClock(new Date('2026-11-28T09:00:00Z'));

  beforeAll(async () => {
    ctx = await createTestContext({ packages: fixturePackages(), clock });
    await offerOnline(ctx.db, 'sperrmuell', ['wurzen']);
    await offerOnline(ctx.db, 'umzugsmeldung', ['wurzen']);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const submit = (body: unknown, headers: Record<string, string> = {}) =>
    ctx.app.inject({ method: 'POST', url: '/api/v1/wurzen/services/sperrmuell/applications', payload: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

  it('lists the services and their schema, and serves the OpenAPI document', async () => {
    const list = await ctx.app.inject('/api/v1/wurzen/services');
    expect(list.statusCode).toBe(200);
    expect(list.json().services.map((s: { id: string }) => s.id).sort()).toEqual(['sperrmuell', 'umzugsmeldung']);
    const one = await ctx.app.inject('/api/v1/wurzen/services/sperrmuell');
    expect(one.json().dataSchema.$schema ?? one.json().dataSchema.type).toBeTruthy();
    expect((await ctx.app.inject('/api/v1/bennewitz/services/sperrmuell')).statusCode).toBe(404);
    const docs = await ctx.app.inject('/api/docs');
    expect(docs.json().openapi).toBe('3.1.0');
  });

  it('accepts and refuses exactly what the HTML form does (one shared table)', async () => {
    for (const row of TABLE) {
      const api = await submit(row.json);
      expect(api.statusCode, `${row.name}: ${api.body}`).toBe(row.ok ? 201 : 400);
      const browser = new Browser(ctx.app);
      const start = await browser.post('/wurzen/sperrmuell/antrag', {});
      const pageUrl = String(start.headers.location);
      const html = await browser.post(pageUrl, { _csrf: csrfTokenIn((await browser.get(pageUrl)).body)!, ...row.form });
      expect(html.statusCode, row.name).toBe(row.ok ? 303 : 400);
      if (!row.ok) {
        const apiPaths = (api.json().errors as { path: string }[]).map((e) => e.path).sort();
        expect(apiPaths, row.name).toEqual(row.paths);
        for (const p of row.paths!) expect(html.body, `${row.name}: ${p}`).toContain(`name="${p}"`);
        expect(html.body).toContain('aria-invalid="true"');
        expect(api.headers['content-type']).toContain('application/problem+json');
      }
    }
  });

  it('creates one case for twenty parallel submits with one Idempotency-Key', async () => {
    const body = { address, preferredDate: '2026-12-11', volume: 3 };
    const results = await Promise.all(Array.from({ length: 20 }, () => submit(body, { 'idempotency-key': 'sperr-key-0001' })));
    expect(results.every((r) => r.statusCode === 201 || r.statusCode === 200)).toBe(true);
    const references = new Set(results.map((r) => r.json().reference));
    expect(references.size).toBe(1);
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    const status = await ctx.app.inject(results[0]!.json().statusApi);
    expect(status.statusCode).toBe(200);
    expect(status.json().state.id).toBe('submitted');
    expect((await ctx.app.inject(results[0]!.json().statusApi.replace('/wurzen/', '/bennewitz/'))).statusCode).toBe(404);
  });

  it('takes an attachment and refuses a renamed executable', async () => {
    const upload = async (content: Buffer, filename: string) => {
      const form = new FormData();
      form.append('landlordConfirmation', new Blob([content], { type: 'application/pdf' }), filename);
      const request = new Request('http://localhost/', { method: 'POST', body: form });
      return ctx.app.inject({
        method: 'POST',
        url: '/api/v1/wurzen/services/umzugsmeldung/attachments?field=landlordConfirmation',
        payload: Buffer.from(await request.arrayBuffer()),
        headers: { 'content-type': request.headers.get('content-type')! },
      });
    };
    const ok = await upload(Buffer.from('%PDF-1.4\n%%EOF\n'), 'Vertrag.pdf');
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ name: 'Vertrag.pdf', mediaType: 'application/pdf' });
    const exe = await upload(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]), 'Vertrag.pdf');
    expect(exe.statusCode).toBe(415);
    expect(exe.headers['content-type']).toContain('application/problem+json');
  });

  it('sends no CORS permission to other origins', async () => {
    const res = await ctx.app.inject({ url: '/api/v1/wurzen/services', headers: { origin: 'https://evil.example' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
