import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { instantiatePlugin, PluginOptionsError } from '../../../platform/plugins/plugin-definition.js';
import { allFiles, samplePayload, testEnvironment, visibleFiles } from '../../../../test/support/delivery-kit.js';
import { DeliveryError } from './delivery-channel.js';
import { dropFileName, fileDropChannelPlugin } from './file-drop-channel.js';

describe('file-drop channel', () => {
  const envs: ReturnType<typeof testEnvironment>[] = [];
  const env = () => {
    const e = testEnvironment();
    envs.push(e);
    return e;
  };
  afterEach(() => envs.splice(0).forEach((e) => e.cleanup()));

  it('writes the payload as one file named after reference, recipient and delivery id, and no temporary file remains', async () => {
    const e = env();
    const { bytes, meta, stream } = samplePayload();
    const channel = instantiatePlugin(fileDropChannelPlugin, { folder: 'wurzen/ihk' });
    const receipt = await channel.deliver(stream(), meta, e);
    const name = `WUR-GEW-2026-000123_ihk_${meta.deliveryId}.xml`;
    expect(receipt).toEqual({ folder: 'wurzen/ihk', file: name, bytes: bytes.length, alreadyPresent: false });
    expect(allFiles(e.dropRoot)).toEqual([path.join('wurzen', 'ihk', name)]);
    expect(fs.readFileSync(path.join(e.dropRoot, 'wurzen', 'ihk', name))).toEqual(bytes);
  });

  it('is idempotent: delivering the same delivery id again writes nothing new', async () => {
    const e = env();
    const { meta, stream } = samplePayload();
    const channel = instantiatePlugin(fileDropChannelPlugin, { folder: 'out' });
    await channel.deliver(stream(), meta, e);
    const again = await channel.deliver(stream(), meta, e);
    await Promise.all([channel.deliver(stream(), meta, e), channel.deliver(stream(), meta, e)]);
    expect(again.alreadyPresent).toBe(true);
    expect(allFiles(e.dropRoot)).toHaveLength(1);
  });

  it('writes one file per delivery even when two attempts race', async () => {
    const e = env();
    const { meta, stream } = samplePayload();
    const channel = instantiatePlugin(fileDropChannelPlugin, { folder: 'out' });
    const receipts = await Promise.all([channel.deliver(stream(), meta, e), channel.deliver(stream(), meta, e), channel.deliver(stream(), meta, e)]);
    expect(receipts.filter((r) => r.alreadyPresent === false).length).toBeGreaterThanOrEqual(1);
    expect(allFiles(e.dropRoot)).toEqual([path.join('out', dropFileName(meta))]);
  });

  it('refuses folders that leave the drop root, by schema and at run time', async () => {
    for (const folder of ['../etc', '/etc', 'a/../../b', '.hidden', 'a\\b', 'a//b', '']) {
      expect(() => instantiatePlugin(fileDropChannelPlugin, { folder }), folder).toThrow(PluginOptionsError);
    }
    const e = env();
    const outside = fs.mkdtempSync(path.join(path.dirname(e.dropRoot), 'outside-'));
    try {
      fs.symlinkSync(outside, path.join(e.dropRoot, 'link'));
      const { meta, stream } = samplePayload();
      const channel = instantiatePlugin(fileDropChannelPlugin, { folder: 'link' });
      const failure = await channel.deliver(stream(), meta, e).catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(DeliveryError);
      expect((failure as DeliveryError).retryable).toBe(false);
      expect((failure as Error).message).toContain('führt aus dem Übermittlungsordner heraus');
      expect(fs.readdirSync(outside)).toEqual([]);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('keeps only safe characters in file names', () => {
    const { meta } = samplePayload(undefined, { caseReference: '../WUR/GEW 2026', recipient: { id: 'ihk.leipzig', displayName: 'x' } });
    const name = dropFileName({ ...meta, payload: { ...meta.payload, filename: 'a/b/../nachricht.XML' } });
    expect(name).toBe(`WUR_GEW_2026_ihk_leipzig_${meta.deliveryId}.xml`);
    expect(name).not.toContain('/');
  });

  it('refuses a payload whose content does not match its checksum, leaving no file', async () => {
    const e = env();
    const { meta } = samplePayload();
    const channel = instantiatePlugin(fileDropChannelPlugin, { folder: 'out' });
    const { stream: other } = samplePayload('<anders/>');
    const failure = await channel.deliver(other(), meta, e).catch((err: unknown) => err);
    expect((failure as DeliveryError).retryable).toBe(false);
    expect((failure as Error).message).toContain('Prüfsumme');
    expect(allFiles(e.dropRoot)).toEqual([]);
    expect(visibleFiles(e.dropRoot)).toEqual([]);
  });

  it('self-check reports a writable folder, and a folder that cannot be created', async () => {
    const e = env();
    expect(await instantiatePlugin(fileDropChannelPlugin, { folder: 'ok' }).selfCheck(e)).toMatchObject({ ok: true });
    fs.writeFileSync(path.join(e.dropRoot, 'file'), 'x');
    const check = await instantiatePlugin(fileDropChannelPlugin, { folder: 'file/sub' }).selfCheck(e);
    expect(check.ok).toBe(false);
    expect(allFiles(path.join(e.dropRoot, 'ok'))).toEqual([]);
  });
});
