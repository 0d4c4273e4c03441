import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantIdOf } from '../../../test/support/factories-cases.js';
import { createTestContext, type TestContext } from '../../../test/support/test-app.js';
import { seedPlatform } from '../../modules/tenants/seed.js';
import { loadTrafficArea } from './traffic-area.js';
import { TRAFFIC_SERVICE_ID } from './traffic-settings.js';

describe('seeding the traffic-order areas of the founding municipalities', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const status = async (tenantId: string) =>
    (await ctx.db.kysely.selectFrom('tenant_services').select('status').where('tenant_id', '=', tenantId).where('service_id', '=', TRAFFIC_SERVICE_ID).executeTakeFirstOrThrow()).status;
  const setStatus = (tenantId: string, value: 'online' | 'planned') =>
    ctx.db.kysely.updateTable('tenant_services').set({ status: value }).where('tenant_id', '=', tenantId).where('service_id', '=', TRAFFIC_SERVICE_ID).execute();

  it('gives every founding town its authority role and Landratsamt, and offers the service online', async () => {
    const expected = { wurzen: ['lower', 'Landratsamt Landkreis Leipzig'], bennewitz: ['local', 'Landratsamt Landkreis Leipzig'], augustusburg: ['local', 'Landratsamt Mittelsachsen'] } as const;
    for (const [slug, [role, authority]] of Object.entries(expected)) {
      const id = await tenantIdOf(ctx.db, slug);
      const area = await ctx.db.withTenant(id, (trx) => loadTrafficArea(trx, id));
      expect(area).toMatchObject({ authorityRole: role, higherAuthority: { name: authority }, boundaryConfirmed: false });
      expect(area!.unconfirmedFacts).toContain('boundary');
      expect(await status(id)).toBe('online');
    }
  });

  it('sets up a data dir seeded before the procedure shipped, and leaves a town that switched it off alone', async () => {
    const lossatal = await tenantIdOf(ctx.db, 'lossatal');
    const thallwitz = await tenantIdOf(ctx.db, 'thallwitz');
    // Lossatal as an older data dir had it: no area, service planned.
    await ctx.db.withTenant(lossatal, (trx) => trx.deleteFrom('traffic_areas').where('tenant_id', '=', lossatal).execute());
    await setStatus(lossatal, 'planned');
    // Thallwitz's office took the service offline on purpose.
    await setStatus(thallwitz, 'planned');
    await seedPlatform(ctx.db, { demoStaff: false });
    expect(await ctx.db.withTenant(lossatal, (trx) => loadTrafficArea(trx, lossatal))).toMatchObject({ authorityRole: 'local' });
    expect(await status(lossatal)).toBe('online');
    expect(await status(thallwitz)).toBe('planned');
  });
});
