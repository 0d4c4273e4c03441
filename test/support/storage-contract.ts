/**
 * The behaviour every FileStorage adapter must show, as a reusable block of tests. Each
 * adapter's test file calls `describeStorageContract` with a factory for a fresh instance.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StorageNotFoundError, type FileStorage } from '../../src/platform/storage/file-storage.js';
import { newStorageKey } from '../../src/platform/storage/storage-key.js';

export interface StorageUnderTest {
  storage: FileStorage;
  /** Keys actually present in the back end, read around the adapter. */
  storedKeys(): Promise<string[]>;
  close?(): Promise<void>;
}

const tenantId = '5b0c7a52-4f1e-4b8e-9a57-3f1d2c0e9a11';

/** A stream of `size` pseudo-random bytes in 64 KiB chunks, never held whole in memory. */
export function streamOfBytes(size: number, seed = 1): Readable {
  let sent = 0;
  let state = seed;
  return new Readable({
    read() {
      if (sent >= size) return void this.push(null);
      const n = Math.min(65_536, size - sent);
      const chunk = Buffer.alloc(n);
      for (let i = 0; i < n; i++) {
        state = (state * 1_103_515_245 + 12_345) & 0x7fffffff;
        chunk[i] = state & 0xff;
      }
      sent += n;
      this.push(chunk);
    },
  });
}

/** SHA-256 (hex) of a stream's whole content. */
export async function sha256Of(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Registers the contract tests for one adapter. */
export function describeStorageContract(name: string, create: () => Promise<StorageUnderTest>): void {
  describe(`${name}: FileStorage contract`, () => {
    let t: StorageUnderTest;
    beforeEach(async () => {
      t = await create();
    });
    afterEach(async () => {
      await t.close?.();
    });

    it('stores a stream and returns the same bytes, size and SHA-256', async () => {
      const { key } = newStorageKey(tenantId, 'test');
      const size = 300_000;
      const stored = await t.storage.put(key, streamOfBytes(size, 7));
      expect(stored).toEqual({ size, sha256: await sha256Of(streamOfBytes(size, 7)) });
      expect(await sha256Of(await t.storage.get(key))).toBe(stored.sha256);
      expect(await t.storage.stat(key)).toEqual({ size });
      expect(await t.storage.exists(key)).toBe(true);
    });

    it('stores an empty object', async () => {
      const { key } = newStorageKey(tenantId, 'test');
      const stored = await t.storage.put(key, Readable.from([]));
      expect(stored.size).toBe(0);
      expect((await buffer(await t.storage.get(key))).length).toBe(0);
    });

    it('reports unknown keys: get throws StorageNotFoundError, stat is undefined, delete is quiet', async () => {
      const key = `${tenantId}/test/${randomUUID()}`;
      await expect(t.storage.get(key)).rejects.toBeInstanceOf(StorageNotFoundError);
      expect(await t.storage.stat(key)).toBeUndefined();
      expect(await t.storage.exists(key)).toBe(false);
      await t.storage.delete(key);
    });

    it('deletes', async () => {
      const { key } = newStorageKey(tenantId, 'test');
      await t.storage.put(key, Readable.from([Buffer.from('weg damit')]));
      await t.storage.delete(key);
      expect(await t.storage.exists(key)).toBe(false);
      expect(await t.storedKeys()).not.toContain(key);
    });

    it('leaves nothing under the key when beforeCommit refuses, and hands it the staged content', async () => {
      const { key } = newStorageKey(tenantId, 'test');
      let seen = '';
      const refusal = new Error('refused by check');
      await expect(
        t.storage.put(key, Readable.from([Buffer.from('X5O!P%@AP')]), {
          beforeCommit: async (staged) => {
            seen = (await buffer(staged.open())).toString();
            expect(staged.size).toBe(9);
            throw refusal;
          },
        }),
      ).rejects.toBe(refusal);
      expect(seen).toBe('X5O!P%@AP');
      expect(await t.storage.exists(key)).toBe(false);
      expect(await t.storedKeys()).toEqual([]);
    });

    it('leaves nothing when the source stream fails midway', async () => {
      const { key } = newStorageKey(tenantId, 'test');
      const failure = new Error('client went away');
      const source = new Readable({ read() {} });
      source.push(Buffer.alloc(70_000, 1));
      setImmediate(() => source.destroy(failure));
      await expect(t.storage.put(key, source)).rejects.toBe(failure);
      expect(await t.storedKeys()).toEqual([]);
    });

    it('refuses keys that could leave the storage root', async () => {
      for (const key of ['../etc/passwd', '/etc/passwd', `${tenantId}/../../x`, `${tenantId}/./x`, 'a\\..\\b', 'a//b', '', '.hidden/x', `a/b c`]) {
        await expect(t.storage.put(key, Readable.from([Buffer.from('x')])), key).rejects.toThrow(/Unsafe storage key/);
        await expect(t.storage.get(key), key).rejects.toThrow(/Unsafe storage key/);
        await expect(t.storage.delete(key), key).rejects.toThrow(/Unsafe storage key/);
      }
    });

    it('passes its self-check and leaves no probe behind', async () => {
      const result = await t.storage.selfCheck();
      expect(result).toMatchObject({ ok: true });
      expect(await t.storedKeys()).toEqual([]);
    });
  });
}
