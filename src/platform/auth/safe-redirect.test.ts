import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff } from '../../../test/support/factories.js';
import { Browser, createTestContext, type TestContext } from '../../../test/support/test-app.js';
import { safeNextPath } from './safe-redirect.js';

describe('safeNextPath', () => {
  it('keeps paths on this site with their query', () => {
    expect(safeNextPath('/wurzen/staff')).toBe('/wurzen/staff');
    expect(safeNextPath('/staff/password?lang=en')).toBe('/staff/password?lang=en');
    expect(safeNextPath('/wurzen/staff/../staff')).toBe('/wurzen/staff');
  });

  it('refuses everything that could leave the site', () => {
    for (const evil of [
      '//evil.example',
      '///evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      'evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      ' //evil.example',
      '',
      '/staff/logout',
      '/staff/login?next=//evil.example',
      `/${'a'.repeat(600)}`,
    ]) {
      expect(safeNextPath(evil), JSON.stringify(evil)).toBeNull();
    }
    expect(safeNextPath(['/wurzen'])).toBeNull();
    expect(safeNextPath(undefined)).toBeNull();
  });
});

describe('redirect after login', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(async () => {
    await ctx?.close();
  });

  async function loginWithNext(next: string) {
    const staff = await createStaff(ctx.db, { tenantSlug: 'wurzen' });
    const browser = new Browser(ctx.app);
    const token = await browser.csrfFrom(`/staff/login?next=${encodeURIComponent(next)}`);
    return browser.post('/staff/login', { _csrf: token, email: staff.email, password: staff.password, next });
  }

  it('goes to a same-site next page', async () => {
    expect((await loginWithNext('/wurzen/staff')).headers.location).toBe('/wurzen/staff');
  });

  it('refuses open redirects and goes to the staff start page instead', async () => {
    for (const evil of ['//evil.example/phish', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      const res = await loginWithNext(evil);
      expect(res.statusCode, evil).toBe(303);
      expect(res.headers.location, evil).toBe('/staff');
    }
  });

  it('does not carry an unsafe next into the login form', async () => {
    const page = await ctx.app.inject(`/staff/login?next=${encodeURIComponent('//evil.example')}`);
    // (The language links repeat the query as it came, which is harmless: it is refused again.)
    expect(page.body).not.toContain('name="next"');
    expect(page.body).not.toMatch(/value="\/\/evil/);
  });
});
