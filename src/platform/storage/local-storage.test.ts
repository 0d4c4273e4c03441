import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { describeStorageContract, sha256Of, streamOfBytes } from '../../../test/support/storage-contract.js';
import { createLocalStorage } from './local-storage.js';
import { newStorageKey } from './storage-key.js';

const tenantId = '0d3c4a8e-2b6f-4c1d-8e9a-7f5b3c2d1e0f';
const roots: string[] = [];

async function newRoot(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rathaus-storage-'));
  roots.push(dir);
  return path.join(dir, 'files');
}

/** Every regular file below root, relative, including leftover staging files. */
async function filesBelow(root: string): Promise<string[]> {
  try {
    const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  } catch {
    return [];
  }
}

afterEach(async () => {
  for (const dir of roots.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

describeStorageContract('local', async () => {
  const root = await newRoot();
  return { storage: createLocalStorage(root), storedKeys: () => filesBelow(root) };
});

describe('local storage on disk', () => {
  it('keeps files under the generated key with owner-only folders (0700) and files (0600)', async () => {
    const root = await newRoot();
    const storage = createLocalStorage(root);
    const { key } = newStorageKey(tenantId, 'draft-upload');
    await storage.put(key, Readable.from([Buffer.from('Gewerbeanmeldung')]));
    expect(await filesBelow(root)).toEqual([key]);
    expect((await fs.stat(path.join(root, key))).mode & 0o777).toBe(0o600);
    for (const dir of [root, path.join(root, tenantId), path.join(root, tenantId, 'draft-upload')]) {
      expect((await fs.stat(dir)).mode & 0o777, dir).toBe(0o700);
    }
  });

  it('creates nothing on disk until the first write', async () => {
    const root = await newRoot();
    const storage = createLocalStorage(root);
    expect(await storage.exists(`${tenantId}/x/y`)).toBe(false);
    await expect(fs.stat(root)).rejects.toThrow(/ENOENT/);
  });
});

function runChild(root: string, key: string, mode: 'complete' | 'midway', until: RegExp): Promise<{ line: string; kill(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/support/storage-put-child.ts'), root, key, mode], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => until.test(l));
      if (line) resolve({ line, kill: async () => (child.kill('SIGKILL'), await exited) });
    });
    child.once('exit', (code) => reject(new Error(`child exited early with ${code}: ${out}`)));
  });
}

describe('local storage across SIGKILL', () => {
  it('an acknowledged file is complete after the writer is killed', async () => {
    const root = await newRoot();
    const { key } = newStorageKey(tenantId, 'draft-upload');
    const child = await runChild(root, key, 'complete', /^ack /);
    await child.kill();
    const sha = child.line.slice(4);
    expect(sha).toBe(await sha256Of(streamOfBytes(2_000_000, 3)));
    expect(await sha256Of(await createLocalStorage(root).get(key))).toBe(sha);
  });

  it('a write killed midway leaves nothing under its key', async () => {
    const root = await newRoot();
    const { key } = newStorageKey(tenantId, 'draft-upload');
    const child = await runChild(root, key, 'midway', /^writing$/);
    await child.kill();
    expect(await createLocalStorage(root).exists(key)).toBe(false);
    // Only the abandoned staging file remains, outside the key space.
    expect((await filesBelow(root)).every((f) => f.startsWith('.staging/'))).toBe(true);
  });
});
