import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliRunner } from '../../../../test/support/cli-runner.js';
import { createTestContext, type TestContext } from '../../../../test/support/test-app.js';
import { CliUsageError } from '../../../cli/command.js';
import { gewerbeSettingsSetCommand, gewerbeSettingsShowCommand } from './gewerbe-settings-command.js';

describe('rathaus gewerbe settings show | set', () => {
  let ctx: TestContext;
  let cli: CliRunner;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-gewerbe-cli-'));
  const file = (name: string, content: unknown) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
    return p;
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    cli = new CliRunner(ctx);
  });
  afterAll(async () => {
    await ctx?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the seeded area, replaces the settings from a file and refuses invalid ones naming the place', async () => {
    expect(await cli.run(gewerbeSettingsShowCommand, ['wurzen'])).toBe(0);
    expect(JSON.parse(cli.lines.join('\n')).area.places).toContainEqual({ postalCode: '04808', town: 'Wurzen' });

    const settings = { area: { places: [{ postalCode: '04808', town: 'Wurzen' }] }, recipients: { ihk: { name: 'IHK zu Leipzig', channelId: 'ihk-ablage' } } };
    expect(await cli.run(gewerbeSettingsSetCommand, ['wurzen', '--file', file('ok.json', settings)])).toBe(0);
    await cli.run(gewerbeSettingsShowCommand, ['wurzen']);
    expect(JSON.parse(cli.lines.join('\n'))).toEqual(settings);

    const refused = (argv: string[]) => cli.run(gewerbeSettingsSetCommand, argv).then(() => '', (e: unknown) => (e instanceof CliUsageError ? e.message : `unexpected ${String(e)}`));
    expect(await refused(['wurzen', '--file', file('bad.json', { recipients: { kammer: { name: 'X' } }, area: { places: [{ postalCode: '4808', town: 'Wurzen' }] } })])).toMatch(/\/area\/places\/0\/postalCode[\s\S]*Unbekannte Empfangsstelle „kammer“/);
    expect(await refused(['wurzen', '--file', file('broken.json', '{ nope')])).toMatch(/Cannot read .* as JSON/);
    expect(await refused(['nirgendwo', '--file', file('ok2.json', settings)])).toMatch(/No municipality with slug "nirgendwo"/);
    // Another municipality's settings are untouched.
    await cli.run(gewerbeSettingsShowCommand, ['bennewitz']);
    expect(JSON.parse(cli.lines.join('\n')).recipients).toBeUndefined();
  });
});
