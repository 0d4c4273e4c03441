import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliRunner } from '../../../../test/support/cli-runner.js';
import { tenantIdOf } from '../../../../test/support/factories-cases.js';
import { createTestContext, type TestContext } from '../../../../test/support/test-app.js';
import { CliUsageError } from '../../../cli/command.js';
import { findStreets } from '../traffic-area.js';
import { loadTrafficSettings } from '../traffic-settings.js';
import { trafficPartyListCommand, trafficPartySetCommand, trafficSettingsSetCommand, trafficSettingsShowCommand, trafficStreetAddCommand, trafficStreetListCommand } from './traffic-commands.js';

describe('rathaus verkehr settings | party | street', () => {
  let ctx: TestContext;
  let cli: CliRunner;
  let dir: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    cli = new CliRunner(ctx);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rathaus-verkehr-'));
  });
  afterAll(async () => {
    await ctx?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const refused = (p: Promise<number>) => p.then(() => '', (e: unknown) => (e instanceof CliUsageError ? e.message : Promise.reject(e)));

  it('sets the fee over the defaults and refuses a document that does not fit, naming the setting', async () => {
    const file = path.join(dir, 'ok.json');
    fs.writeFileSync(file, JSON.stringify({ fees: { HVZ: { amountCents: 3500 } }, unconfirmed: [] }));
    expect(await cli.run(trafficSettingsSetCommand, ['bennewitz', '--file', file])).toBe(0);
    const bennewitz = await tenantIdOf(ctx.db, 'bennewitz');
    const settings = await ctx.db.withTenant(bennewitz, (trx) => loadTrafficSettings(trx, bennewitz));
    expect(settings.fees.HVZ).toEqual({ gebOStNumber: '261', amountCents: 3500 });
    expect(await cli.run(trafficSettingsShowCommand, ['bennewitz'])).toBe(0);
    expect(cli.lines.join('\n')).toContain('"amountCents": 3500');
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ defaultSign: '999' }));
    expect(await refused(cli.run(trafficSettingsSetCommand, ['bennewitz', '--file', bad]))).toContain('defaultSign');
  });

  it('sets and lists parties; refuses an unknown kind or trigger', async () => {
    expect(await cli.run(trafficPartySetCommand, ['bennewitz', 'polizei', '--name', 'Polizeirevier Wurzen', '--email', 'revier@polizei.example', '--kind', 'police', '--triggers', 'carriageway,closure'])).toBe(0);
    expect(await cli.run(trafficPartyListCommand, ['bennewitz'])).toBe(0);
    expect(cli.lines).toEqual(['polizei  police  on  Polizeirevier Wurzen <revier@polizei.example>  BAU,HUB,CON,VER  carriageway,closure']);
    expect(await refused(cli.run(trafficPartySetCommand, ['bennewitz', 'x', '--name', 'X', '--email', 'x@example.org', '--kind', 'sheriff']))).toContain('--kind');
    expect(await refused(cli.run(trafficPartySetCommand, ['bennewitz', 'x', '--name', 'X', '--email', 'x@example.org', '--kind', 'other', '--triggers', 'sometimes']))).toContain('--triggers');
    // Another municipality's list stays empty.
    expect(await cli.run(trafficPartyListCommand, ['wurzen'])).toBe(0);
    expect(cli.lines[0]).toContain('No parties yet');
  });

  it('adds a classified road that competence then finds under any spelling', async () => {
    expect(await cli.run(trafficStreetAddCommand, ['bennewitz', '--name', 'Leipziger Straße', '--class', 'bundesstrasse', '--ref', 'B 6', '--confirmed'])).toBe(0);
    const bennewitz = await tenantIdOf(ctx.db, 'bennewitz');
    expect(await ctx.db.withTenant(bennewitz, (trx) => findStreets(trx, bennewitz, 'Leipziger Str.'))).toMatchObject([{ roadClass: 'bundesstrasse', roadRef: 'B 6', confirmed: true }]);
    expect(await cli.run(trafficStreetListCommand, ['bennewitz'])).toBe(0);
    expect(cli.lines).toContain('Leipziger Straße  bundesstrasse B 6  confirmed');
    expect(await refused(cli.run(trafficStreetAddCommand, ['bennewitz', '--name', 'X', '--class', 'autobahn']))).toContain('--class');
  });
});
