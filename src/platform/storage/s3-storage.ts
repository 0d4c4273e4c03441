/**
 * S3-compatible object storage (AWS S3, MinIO, Ceph RGW, IONOS, Hetzner, …) through the AWS SDK.
 *
 * S3 needs the length of an object before its PUT starts, and an upload's length is known only
 * at its end, so `put` first stages the stream in a local file (bounded by the upload limits,
 * never in memory), runs the caller's beforeCommit check on it, then PUTs it with its SHA-256 as
 * a checksum the store verifies. Flexible checksums are limited to "when required": several
 * S3-compatible stores reject the SDK's aws-chunked trailer encoding. The SDK (large, and
 * warning about Node 20 at load) is imported only when this adapter is first used.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { S3Client } from '@aws-sdk/client-s3';
import { Type, type Static } from '@sinclair/typebox';
import { definePlugin } from '../plugins/plugin-definition.js';
import { StorageNotFoundError, StorageUnavailableError, type FileStorage, type PutOptions, type StoredObject } from './file-storage.js';
import { guardEarlyErrors, measuringStream } from './measure.js';
import { selfCheckByProbe } from './self-check.js';
import { assertSafeStorageKey } from './storage-key.js';

/** Options of the s3 plug-in (from the S3_* settings). */
export const S3StorageOptions = Type.Object(
  {
    endpoint: Type.String({ pattern: '^https?://' }),
    bucket: Type.String({ minLength: 3, maxLength: 63 }),
    region: Type.String({ minLength: 1 }),
    accessKeyId: Type.String({ minLength: 1 }),
    secretAccessKey: Type.String({ minLength: 1 }),
    forcePathStyle: Type.Boolean(),
    /** Local folder for staging uploads before the PUT. */
    stagingDir: Type.String({ minLength: 1 }),
    /** Connect and idle-socket timeout towards the store, in milliseconds. */
    timeoutMs: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type S3StorageOptions = Static<typeof S3StorageOptions>;

const silentLogger = { trace() {}, debug() {}, info() {}, warn() {}, error() {} };

function statusOf(e: unknown): number | undefined {
  return (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

function isNotFound(e: unknown): boolean {
  const name = (e as { name?: string }).name;
  return statusOf(e) === 404 || name === 'NoSuchKey' || name === 'NotFound';
}

/** Turns SDK and network failures into StorageUnavailableError, keeping the cause for the log. */
function unavailable(e: unknown, action: string): StorageUnavailableError {
  const status = statusOf(e);
  return new StorageUnavailableError(`S3 ${action} failed${status ? ` (HTTP ${status})` : ''}: ${(e as Error).name ?? 'error'}`, { cause: e });
}

/** Builds the S3-compatible storage. */
export function createS3Storage(options: S3StorageOptions): FileStorage {
  const timeout = options.timeoutMs ?? 60_000;
  type Sdk = typeof import('@aws-sdk/client-s3');
  let connection: Promise<{ sdk: Sdk; client: S3Client }> | undefined;
  const connect = () =>
    (connection ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        endpoint: options.endpoint,
        region: options.region,
        forcePathStyle: options.forcePathStyle,
        credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        maxAttempts: 3,
        requestHandler: { connectionTimeout: timeout, socketTimeout: timeout },
        // Failures reach the caller as StorageUnavailableError (and its log); the SDK should not print to the console itself.
        logger: silentLogger,
      }),
    })));
  const Bucket = options.bucket;
  let stagingReady: Promise<unknown> | undefined;

  const storage: FileStorage = {
    id: 's3',

    async put(key: string, content: Readable, putOptions: PutOptions = {}): Promise<StoredObject> {
      guardEarlyErrors(content);
      assertSafeStorageKey(key);
      await (stagingReady ??= fs.mkdir(options.stagingDir, { recursive: true, mode: 0o700 }));
      const staging = path.join(options.stagingDir, `${randomUUID()}.part`);
      try {
        const meter = measuringStream();
        await pipeline(content, meter, createWriteStream(staging, { flags: 'wx', mode: 0o600 }));
        const stored = meter.result();
        await putOptions.beforeCommit?.({ ...stored, open: () => createReadStream(staging) });
        const { sdk, client } = await connect();
        try {
          await client.send(
            new sdk.PutObjectCommand({
              Bucket,
              Key: key,
              Body: createReadStream(staging),
              ContentLength: stored.size,
              ContentType: 'application/octet-stream',
              ChecksumSHA256: Buffer.from(stored.sha256, 'hex').toString('base64'),
              Metadata: { sha256: stored.sha256 },
            }),
          );
        } catch (e) {
          throw unavailable(e, 'PUT');
        }
        return stored;
      } finally {
        await fs.rm(staging, { force: true });
      }
    },

    async get(key: string): Promise<Readable> {
      assertSafeStorageKey(key);
      const { sdk, client } = await connect();
      try {
        const out = await client.send(new sdk.GetObjectCommand({ Bucket, Key: key }));
        if (!(out.Body instanceof Readable)) throw new Error('S3 GET returned no stream');
        return out.Body;
      } catch (e) {
        if (isNotFound(e)) throw new StorageNotFoundError(key);
        throw unavailable(e, 'GET');
      }
    },

    async stat(key: string) {
      assertSafeStorageKey(key);
      const { sdk, client } = await connect();
      try {
        const out = await client.send(new sdk.HeadObjectCommand({ Bucket, Key: key }));
        return { size: out.ContentLength ?? 0 };
      } catch (e) {
        if (isNotFound(e)) return undefined;
        throw unavailable(e, 'HEAD');
      }
    },

    async delete(key: string): Promise<void> {
      assertSafeStorageKey(key);
      const { sdk, client } = await connect();
      try {
        await client.send(new sdk.DeleteObjectCommand({ Bucket, Key: key }));
      } catch (e) {
        if (!isNotFound(e)) throw unavailable(e, 'DELETE');
      }
    },

    async exists(key: string): Promise<boolean> {
      return (await storage.stat(key)) !== undefined;
    },

    selfCheck: () => selfCheckByProbe(storage, `S3 bucket ${Bucket} at ${new URL(options.endpoint).host}`),
  };
  return storage;
}

/** The `s3` storage plug-in. */
export const s3StoragePlugin = definePlugin({
  id: 's3',
  summary: 'Files in an S3-compatible object store (S3_ENDPOINT, S3_BUCKET, …).',
  optionsSchema: S3StorageOptions,
  create: (options) => createS3Storage(options),
});
