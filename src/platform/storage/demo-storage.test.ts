import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { describeStorageContract } from '../../../test/support/storage-contract.js';
import { createFailingStorage, createMemoryStorage } from './demo-storage.js';
import { StorageUnavailableError } from './file-storage.js';

describeStorageContract('demo', async () => {
  const storage = createMemoryStorage();
  return { storage, storedKeys: async () => storage.keys() };
});

describe('failing-demo storage', () => {
  it('fails every operation and its self-check', async () => {
    const storage = createFailingStorage();
    const key = '5b0c7a52-4f1e-4b8e-9a57-3f1d2c0e9a11/test/x';
    await expect(storage.put(key, Readable.from([Buffer.from('x')]))).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(storage.get(key)).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(storage.exists(key)).rejects.toBeInstanceOf(StorageUnavailableError);
    expect((await storage.selfCheck()).ok).toBe(false);
  });
});
