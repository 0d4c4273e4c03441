/**
 * The guided start "Was möchten Sie tun?": each answer leads to the right form of this
 * municipality (moving away: GewA3 here, GewA1 there; free professions: no form), works as a
 * plain GET form, names a missing or unknown answer, and only links services offered online.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantIdOf } from '../../../../test/support/factories-cases.js';
import { createTestContext, type TestContext } from '../../../../test/support/test-app.js';

describe('Gewerbe guided start', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const get = (url: string) => ctx.app.inject({ method: 'GET', url });

  it('asks what the applicant wants to do and sends each answer to the right form', async () => {
    const page = await get('/wurzen/gewerbe');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Was möchten Sie tun?');
    expect(page.body).toContain('Ich verlege meinen Betrieb innerhalb von Wurzen.');
    expect(page.body).not.toContain('So geht es weiter');

    const cases: [string, string[], string][] = [
      ['start', ['/wurzen/gewerbe-anmeldung'], 'Gewerbeanmeldung (GewA 1)'],
      ['move-within', ['/wurzen/gewerbe-ummeldung'], 'innerhalb von Wurzen'],
      ['move-away', ['/wurzen/gewerbe-abmeldung'], 'in der neuen Gemeinde mit der Gewerbeanmeldung (GewA 1) an'],
      ['close', ['/wurzen/gewerbe-abmeldung'], 'Gewerbeabmeldung (GewA 3)'],
      ['no-trade', [], 'Sie brauchen keine Gewerbeanzeige'],
    ];
    for (const [choice, links, text] of cases) {
      const res = await get(`/wurzen/gewerbe?anliegen=${choice}`);
      expect(res.statusCode, choice).toBe(200);
      expect(res.body, choice).toContain(text);
      expect(res.body).toContain(`value="${choice}" checked`);
      const hrefs = [...res.body.matchAll(/href="(\/wurzen\/gewerbe-[a-z]+)"/g)].map((m) => m[1]);
      expect(hrefs, choice).toEqual(links);
    }
  });

  it('names a missing choice, answers 404 for an unknown municipality and links only services offered online', async () => {
    const bad = await get('/wurzen/gewerbe?anliegen=irgendwas');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Bitte wählen Sie aus, was Sie tun möchten.');
    expect(bad.body).toContain('aria-describedby="anliegen-error"');
    expect((await get('/nirgendwo/gewerbe')).statusCode).toBe(404);

    const bennewitz = await tenantIdOf(ctx.db, 'bennewitz');
    await ctx.db.kysely.updateTable('tenant_services').set({ status: 'planned' }).where('tenant_id', '=', bennewitz).where('service_id', '=', 'gewerbe-ummeldung').execute();
    const offline = await get('/bennewitz/gewerbe?anliegen=change');
    expect(offline.body).not.toContain('href="/bennewitz/gewerbe-ummeldung"');
    expect(offline.body).toContain('noch nicht online');
    // Wurzen is not affected by Bennewitz's catalogue.
    expect((await get('/wurzen/gewerbe?anliegen=change')).body).toContain('href="/wurzen/gewerbe-ummeldung"');
  });
});
