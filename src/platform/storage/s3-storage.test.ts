import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeS3, type FakeS3 } from '../../../test/support/fake-s3-server.js';
import { describeStorageContract } from '../../../test/support/storage-contract.js';
import { StorageUnavailableError } from './file-storage.js';
import { createS3Storage, type S3StorageOptions } from './s3-storage.js';
import { newStorageKey } from './storage-key.js';

const credentials = { bucket: 'rathaus-files', region: 'eu-central-1', accessKeyId: 'AKIDRATHAUSTEST', secretAccessKey: 'c2VjcmV0LWZvci10ZXN0cy1vbmx5' };
const tenantId = '8a1f2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';

async function fixture(overrides: Partial<S3StorageOptions> = {}) {
  const server = await startFakeS3(credentials);
  const stagingDir = await fs.mkdtemp(path.join(os.tmpdir(), 'rathaus-s3-staging-'));
  const storage = createS3Storage({ ...credentials, endpoint: server.endpoint, forcePathStyle: true, stagingDir, timeoutMs: 5000, ...overrides });
  return {
    server,
    storage,
    /** Objects in the fake store plus leftover staging files (which must not exist either). */
    storedKeys: async () => [...server.objects.keys(), ...(await fs.readdir(stagingDir)).map((f) => `staging:${f}`)],
    close: async () => {
      await server.close();
      await fs.rm(stagingDir, { recursive: true, force: true });
    },
  };
}

describeStorageContract('s3', () => fixture());

describe('S3 adapter against the fake S3 server', () => {
  let f: Awaited<ReturnType<typeof fixture>>;
  beforeEach(async () => {
    f = await fixture();
  });
  afterEach(async () => {
    await f.close();
  });

  it('signs every request (SigV4 checked by the server) and sends the SHA-256 as checksum and metadata', async () => {
    const { key } = newStorageKey(tenantId, 'draft-upload');
    const stored = await f.storage.put(key, Readable.from([Buffer.from('%PDF-1.7 Antrag')]));
    await f.storage.get(key);
    await f.storage.delete(key);
    expect(f.server.requests.map((r) => r.method)).toEqual(['PUT', 'GET', 'DELETE']);
    for (const r of f.server.requests) {
      expect(r.signatureValid).toBe(true);
      expect(r.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDRATHAUSTEST\/\d{8}\/eu-central-1\/s3\/aws4_request/);
      expect(r.path).toBe(`/rathaus-files/${key}`);
    }
    const put = f.server.requests[0]!;
    expect(put.headers['x-amz-checksum-sha256']).toBe(Buffer.from(stored.sha256, 'hex').toString('base64'));
    expect(put.headers['x-amz-meta-sha256']).toBe(stored.sha256);
    expect(put.headers['content-encoding'] ?? '').not.toMatch(/aws-chunked/);
  });

  it('fails with StorageUnavailableError when the secret is wrong (the server refuses the signature)', async () => {
    const wrong = createS3Storage({ ...credentials, secretAccessKey: 'wrong-secret', endpoint: f.server.endpoint, forcePathStyle: true, stagingDir: os.tmpdir() });
    const { key } = newStorageKey(tenantId, 'draft-upload');
    await expect(wrong.put(key, Readable.from([Buffer.from('x')]))).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(f.server.requests.at(-1)?.signatureValid).toBe(false);
    expect(f.server.objects.size).toBe(0);
    expect((await wrong.selfCheck()).ok).toBe(false);
  });

  it('fails with StorageUnavailableError when the store cannot be reached', async () => {
    await f.server.close();
    const { key } = newStorageKey(tenantId, 'draft-upload');
    await expect(f.storage.stat(key)).rejects.toBeInstanceOf(StorageUnavailableError);
    const check = await f.storage.selfCheck();
    expect(check.ok).toBe(false);
    expect(check.detail).not.toContain(credentials.secretAccessKey);
  });
});
