/**
 * The statistics offices' monthly batch: one message per municipality and month with a record per
 * confirmed notification, statistics fields only (§ 3 Abs. 2 GewAnzV), queued once however often
 * the daily job runs; nothing for municipalities without the recipient or with a waiver.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureTestChannel } from '../../../../test/support/delivery-kit.js';
import { tenantIdOf } from '../../../../test/support/factories-cases.js';
import { createTestContext, TestClock, type TestContext } from '../../../../test/support/test-app.js';
import { createMailTransport } from '../../../platform/mail/mail-transport.js';
import { allServicePackages } from '../../../service-packages.js';
import { loadGewerbeSettings, saveGewerbeSettings } from '../settings.js';
import { hairdresserAnswers, thirdCountryAnswers, webDesignerAnswers } from '../testing/gewerbe-answers.js';
import { registerGewerbe } from '../testing/register-factory.js';
import { previousMonth, statisticsBatchJob } from './statistics-batch.js';
import { elementPaths } from './xgewerbeanzeige/v2_2/testing/xml-lines.js';

describe('statistics batch', () => {
  let ctx: TestContext;
  let wurzen: string;
  let bennewitz: string;
  const clock = new TestClock(new Date('2026-12-01T04:30:00Z'));
  const dropDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-stat-'));

  beforeAll(async () => {
    ctx = await createTestContext({ clock, settings: { deliveryDropDir: dropDir } });
    wurzen = await tenantIdOf(ctx.db, 'wurzen');
    bennewitz = await tenantIdOf(ctx.db, 'bennewitz');
    for (const [tenant, waived] of [[wurzen, false], [bennewitz, true]] as const) {
      await configureTestChannel(ctx.db, tenant, { id: 'statistik', displayName: 'Statistisches Landesamt', channelType: 'file-drop', options: { folder: 'statistik' } });
      await ctx.db.withTenant(tenant, async (trx) =>
        saveGewerbeSettings(trx, tenant, { ...(await loadGewerbeSettings(trx, tenant)), recipients: { statistik: { name: 'Statistisches Landesamt Sachsen', channelId: 'statistik', waived } } }, new Date()),
      );
    }
  });
  afterAll(async () => {
    await ctx?.close();
    fs.rmSync(dropDir, { recursive: true, force: true });
  });

  const run = () =>
    statisticsBatchJob.handler(
      {},
      { db: ctx.db, settings: ctx.settings, clock, queue: ctx.queue, log: pino({ level: 'silent' }), mail: createMailTransport({ from: 'x@example.org' }), storage: ctx.storage, secret: ctx.secret, packages: allServicePackages(), job: { id: 'direct', name: statisticsBatchJob.name, attempt: 1 } },
    );
  const batches = (tenant: string) => ctx.db.withTenant(tenant, (trx) => trx.selectFrom('deliveries').selectAll().where('recipient_id', '=', 'statistik').execute());

  it('names last month in Berlin time', () => {
    expect(previousMonth(new Date('2026-12-01T04:30:00Z'))).toBe('2026-11');
    expect(previousMonth(new Date('2026-01-01T00:30:00+01:00'))).toBe('2025-12');
    expect(previousMonth(new Date('2026-11-30T23:30:00Z'))).toBe('2026-11');
  });

  it('queues one batch of November’s confirmed notifications with statistics fields only, once', async () => {
    await registerGewerbe(ctx.db, wurzen, webDesignerAnswers(), 'gewerbe-anmeldung', new Date('2026-11-03T10:00:00Z'));
    await registerGewerbe(ctx.db, wurzen, hairdresserAnswers(), 'gewerbe-anmeldung', new Date('2026-11-30T22:30:00Z'));
    // December in Berlin already: belongs to the next batch.
    await registerGewerbe(ctx.db, wurzen, thirdCountryAnswers(), 'gewerbe-anmeldung', new Date('2026-11-30T23:30:00Z'));
    await registerGewerbe(ctx.db, bennewitz, webDesignerAnswers(), 'gewerbe-anmeldung', new Date('2026-11-10T10:00:00Z'));

    await run();
    await run();
    const [batch, ...more] = await batches(wurzen);
    expect(more).toEqual([]);
    expect(batch).toMatchObject({ case_id: null, payload_filename: 'Statistik-14729410-2026-11.xml', status: 'queued' });
    const chunks: Buffer[] = [];
    for await (const chunk of await ctx.storage.get(batch!.payload_key)) chunks.push(chunk as Buffer);
    const xml = Buffer.concat(chunks).toString('utf8');
    expect(xml).toContain('<xga:sta.gewerbemeldung.0100');
    expect(xml.match(/<xga:anmeldung>/g)).toHaveLength(2);
    expect(xml).toContain('Webdesign und Programmierung von Internetseiten');
    expect(xml).not.toContain('Pick');
    const paths = elementPaths(xml);
    // Withheld from the statistics: birth date (7), home address (11), residence title (30).
    for (const withheld of ['beteiligtePerson/geburtsdatum', 'beteiligtePerson/anschrift', 'beteiligtePerson/aufenthaltstitel']) expect(paths.some((p) => p.endsWith(withheld)), withheld).toBe(false);
    for (const passed of ['beteiligtePerson/geschlecht', 'beteiligtePerson/staatangehoerigkeiten', 'gewerbe/anschrift', 'taetigkeitenGesamt']) expect(paths.some((p) => p.endsWith(passed)), passed).toBe(true);
    // Bennewitz waived regular transmission (§ 3 Abs. 1 GewAnzV).
    expect(await batches(bennewitz)).toEqual([]);
  });
});
