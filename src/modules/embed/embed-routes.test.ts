import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/test-app.js';

describe('embedding', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
    await ctx.db.kysely
      .updateTable('tenants')
      .set({ embed_origins: ['https://www.wurzen.de'], branding: JSON.stringify({ primaryColor: '#7a1f2b' }) })
      .where('slug', '=', 'wurzen')
      .execute();
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('serves embed.js for other origins to load', async () => {
    const res = await ctx.app.inject('/embed.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('javascript');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.body).toContain('rathaus:height');
  });

  it('lets exactly the registered origins frame the municipality’s citizen pages', async () => {
    const res = await ctx.app.inject('/wurzen');
    expect(res.headers['content-security-policy']).toContain('frame-ancestors https://www.wurzen.de');
    expect(res.headers['x-frame-options']).toBeUndefined();
    const other = await ctx.app.inject('/bennewitz');
    expect(other.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(other.headers['x-frame-options']).toBe('DENY');
    const platform = await ctx.app.inject('/');
    expect(platform.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('drops the site chrome and adds the height script inside an iframe', async () => {
    const res = await ctx.app.inject({ url: '/wurzen', headers: { 'sec-fetch-dest': 'iframe' } });
    expect(res.body).toContain('frame-height.js');
    expect(res.body).not.toContain('class="rc-header"');
    const normal = await ctx.app.inject('/wurzen');
    expect(normal.body).toContain('class="rc-header"');
    expect(normal.body).not.toContain('frame-height.js');
  });

  it('themes a municipality with its primary colour', async () => {
    const res = await ctx.app.inject('/wurzen/theme.css');
    expect(res.body).toContain('--rc-primary: #7a1f2b');
    const page = await ctx.app.inject('/wurzen');
    expect(page.body).toContain('/wurzen/theme.css');
  });
});
