import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/test-app.js';

describe('public pages', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('platform home names all five founding municipalities and the services each offers', async () => {
    const res = await ctx.app.inject('/');
    expect(res.statusCode).toBe(200);
    for (const name of ['Große Kreisstadt Wurzen', 'Gemeinde Bennewitz', 'Gemeinde Lossatal', 'Gemeinde Thallwitz', 'Stadt Augustusburg']) {
      expect(res.body).toContain(name);
    }
    expect(res.body).toContain('Gewerbe anmelden');
    // The Gewerbe services are online in the founding municipalities: a badge and a link each.
    expect(res.body).toContain('href="/wurzen/gewerbe-anmeldung"');
    expect(res.body).toMatch(/kern-badge--success[^>]*>online</);
    expect(res.body).toContain('Fünf Kommunen starten');
  });

  it('switches to English and remembers the choice', async () => {
    const res = await ctx.app.inject('/?lang=en');
    expect(res.body).toContain('<html lang="en">');
    expect(res.body).toContain('Register a business');
    const cookie = res.cookies.find((c) => c.name === 'rc_lang');
    expect(cookie?.value).toBe('en');
    const again = await ctx.app.inject({ url: '/wurzen', headers: { cookie: 'rc_lang=en' } });
    expect(again.body).toContain('Opening hours');
  });

  it('municipality home shows catalogue, contact and district', async () => {
    const res = await ctx.app.inject('/bennewitz');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Gemeinde Bennewitz');
    expect(res.body).toContain('Bahnhofstraße 24');
    expect(res.body).toContain('04828 Bennewitz');
    expect(res.body).toContain('Verkehrsrechtliche Anordnung beantragen');
  });

  it('serves each municipality’s legal pages from its own scope', async () => {
    for (const [path, text] of [
      ['/augustusburg/impressum', 'Marienberger Straße 24'],
      ['/augustusburg/datenschutz', 'Stadt Augustusburg'],
      ['/augustusburg/barrierefreiheit', 'dzb lesen'],
      ['/impressum', 'Betreiber'],
    ] as const) {
      const res = await ctx.app.inject(path);
      expect(res.statusCode, path).toBe(200);
      expect(res.body, path).toContain(text);
    }
    const wurzen = await ctx.app.inject('/wurzen/impressum');
    expect(wurzen.body).not.toContain('Marienberger');
  });

  it('answers unknown municipalities and pages with a 404 page that leaks nothing', async () => {
    const res = await ctx.app.inject('/leipzig');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('nimmt nicht an Rathaus Cloud teil');
    expect(res.body).not.toMatch(/\.ts:\d+|node_modules|Error:/);
    const page = await ctx.app.inject('/wurzen/gibt-es-nicht');
    expect(page.statusCode).toBe(404);
  });

  it('sends a strict CSP and the security headers on HTML pages', async () => {
    const res = await ctx.app.inject('/');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });
});
