import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInStaff, type StaffSpec } from '../../../test/support/factories.js';
import { createTestContext, type TestContext } from '../../../test/support/test-app.js';

describe('staff start pages', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const signedIn = (spec: StaffSpec) => signedInStaff(ctx.app, ctx.db, spec);

  it('sends visitors without a session to the login page', async () => {
    const res = await ctx.app.inject('/staff');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/staff/login');
  });

  it('lists the municipalities of someone who works for several, with the role in each', async () => {
    const { browser } = await signedIn({ tenantSlug: 'wurzen', role: 'tenant-admin', alsoIn: [{ tenantSlug: 'thallwitz', role: 'caseworker' }] });
    const page = await browser.get('/staff');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<a class="kern-link" href="/wurzen/staff">Große Kreisstadt Wurzen</a> – Verwaltung der Kommune');
    expect(page.body).toContain('<a class="kern-link" href="/thallwitz/staff">Gemeinde Thallwitz</a> – Sachbearbeitung');
    // The header names no single role outside a municipality, but the role inside each.
    expect(page.body).toMatch(/rc-header__user">Test tenant-admin wurzen \(mehrere Kommunen\)/);
    expect((await browser.get('/wurzen/staff')).body).toMatch(/rc-header__user">Test tenant-admin wurzen \(Verwaltung der Kommune\)/);
    const thallwitz = await browser.get('/thallwitz/staff');
    expect(thallwitz.body).toContain('Sachbearbeitung');
    expect(thallwitz.body).toContain('href="/staff">Andere Kommune wählen');
  });

  it('tells someone without any municipality whom to ask', async () => {
    const { browser } = await signedIn({});
    const page = await browser.get('/staff');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ihrem Konto ist noch keine Kommune zugeordnet.');
  });

  it('shows the operator all municipalities, but no municipality’s staff pages', async () => {
    const { browser } = await signedIn({ operator: true, displayName: 'Olaf Betrieb' });
    const page = await browser.get('/staff');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Plattformbetrieb');
    expect(page.body).toContain('Teilnehmende Kommunen (5)');
    for (const name of ['Große Kreisstadt Wurzen', 'Gemeinde Bennewitz', 'Gemeinde Lossatal', 'Gemeinde Thallwitz', 'Stadt Augustusburg']) {
      expect(page.body).toContain(name);
    }
    expect(page.body).toContain('Olaf Betrieb (Plattformbetrieb)');
    expect((await browser.get('/wurzen/staff')).statusCode).toBe(404);
  });

  it('shows the municipality start page with the person, the role and the contact, in English too', async () => {
    const { staff, browser } = await signedIn({ tenantSlug: 'augustusburg', role: 'tenant-admin', displayName: 'Anna Admin' });
    const page = await browser.get('/augustusburg/staff?lang=en');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 class="kern-heading-x-large">Stadt Augustusburg</h1>');
    expect(page.body).toContain('Anna Admin');
    expect(page.body).toContain(staff.email);
    expect(page.body).toContain('Municipal administrator');
    expect(page.body).toContain('Marienberger Straße 24');
    expect(page.body).toContain('Change password');
    expect(page.body).not.toContain('Choose another municipality');
  });

  it('answers an unknown municipality with 404 even when signed in', async () => {
    const { browser } = await signedIn({ tenantSlug: 'wurzen' });
    expect((await browser.get('/leipzig/staff')).statusCode).toBe(404);
  });
});
