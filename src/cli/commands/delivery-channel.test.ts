import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliRunner } from '../../../test/support/cli-runner.js';
import { tenantIdOf } from '../../../test/support/factories-cases.js';
import { createTestContext, type TestContext } from '../../../test/support/test-app.js';
import { listTenantChannels } from '../../modules/deliveries/tenant-channels.js';
import { CliUsageError } from '../command.js';
import { channelCheckCommand, channelListCommand, channelSetCommand } from './delivery-channel.js';

describe('rathaus channel set | list | check', () => {
  let ctx: TestContext;
  let cli: CliRunner;
  let dropDir: string;

  beforeAll(async () => {
    dropDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rathaus-drop-'));
    ctx = await createTestContext({ settings: { deliveryDropDir: dropDir } });
    cli = new CliRunner(ctx);
  });
  afterAll(async () => {
    await ctx?.close();
    fs.rmSync(dropDir, { recursive: true, force: true });
  });

  const refusal = (argv: string[]) =>
    cli.run(channelSetCommand, argv).then(
      () => {
        throw new Error('expected a refusal');
      },
      (e: unknown) => {
        expect(e).toBeInstanceOf(CliUsageError);
        return (e as Error).message;
      },
    );

  it('sets, switches and lists a channel; the options are checked against the plug-in', async () => {
    expect(await cli.run(channelSetCommand, ['wurzen', 'ihk-leipzig', '--type', 'failing-demo', '--name', 'IHK zu Leipzig'])).toBe(0);
    expect(await cli.run(channelSetCommand, ['wurzen', 'ihk-leipzig', '--type', 'file-drop', '--name', 'IHK zu Leipzig', '--options', '{"folder":"wurzen/ihk"}'])).toBe(0);
    expect(cli.lines[0]).toContain('file-drop');
    const channels = await listTenantChannels(ctx.db, await tenantIdOf(ctx.db, 'wurzen'));
    expect(channels).toMatchObject([{ id: 'ihk-leipzig', channel_type: 'file-drop', options: { folder: 'wurzen/ihk' }, enabled: true }]);
    expect(await cli.run(channelListCommand, ['wurzen'])).toBe(0);
    expect(cli.lines).toEqual(['ihk-leipzig  file-drop  on  IHK zu Leipzig  {"folder":"wurzen/ihk"}']);
    expect(await cli.run(channelListCommand, ['bennewitz'])).toBe(0);
    expect(cli.lines[0]).toContain('No delivery channels yet');
  });

  it('refuses bad input with the field named in German and English', async () => {
    expect(await refusal(['wurzen', 'x', '--type', 'file-drop', '--name', 'X', '--options', '{"folder":"../etc"}'])).toMatch(/options: Die Einstellungen passen nicht zum Kanaltyp „file-drop“: \/folder[\s\S]*The options do not fit/);
    expect(await refusal(['wurzen', 'x', '--type', 'fax', '--name', 'X'])).toContain('Unbekannter Kanaltyp „fax“');
    expect(await refusal(['wurzen', 'x', '--type', 'demo', '--name', 'X', '--options', '[1]'])).toBe('--options must be a JSON object');
    expect(await refusal(['wurzen', 'x', '--type', 'demo'])).toBe('--name is required');
    expect(await refusal(['gibt-es-nicht', 'x', '--type', 'demo', '--name', 'X'])).toContain('No municipality with slug "gibt-es-nicht"');
  });

  it('self-checks the channels and fails when one fails', async () => {
    await cli.run(channelSetCommand, ['lossatal', 'ablage', '--type', 'file-drop', '--name', 'Ablage', '--options', '{"folder":"lossatal"}']);
    expect(await cli.run(channelCheckCommand, ['lossatal'])).toBe(0);
    expect(cli.lines).toEqual(['ok    ablage: file-drop: folder "lossatal" is writable']);
    await cli.run(channelSetCommand, ['lossatal', 'kaputt', '--type', 'failing-demo', '--name', 'Kaputt', '--disabled']);
    expect(await cli.run(channelCheckCommand, ['lossatal'])).toBe(1);
    expect(cli.lines).toContain('FAIL  kaputt (off): failing-demo: always fails');
    expect(await cli.run(channelCheckCommand, ['lossatal', 'ablage'])).toBe(0);
  });
});
