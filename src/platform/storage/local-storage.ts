/**
 * Local-folder storage (the default). A put writes to a staging file, fsyncs it, runs the
 * caller's beforeCommit check, renames it into place and fsyncs the directory: a file is either
 * complete under its key or absent, and once `put` resolves it survives a crash (SIGKILL or
 * power loss). Folders are created owner-only (0700), files 0600.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Type } from '@sinclair/typebox';
import { definePlugin } from '../plugins/plugin-definition.js';
import { StorageNotFoundError, type FileStorage, type PutOptions, type StoredObject } from './file-storage.js';
import { guardEarlyErrors, measuringStream } from './measure.js';
import { selfCheckByProbe } from './self-check.js';
import { assertSafeStorageKey } from './storage-key.js';

/** Staging files live inside the root (same file system, so the rename is atomic); no key segment starts with a dot. */
const STAGING = '.staging';

const isMissing = (e: unknown) => (e as NodeJS.ErrnoException).code === 'ENOENT';

async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Creates the missing folders below root one by one, fsyncing each parent so the new entry is durable too. */
async function ensureDirectory(root: string, dir: string): Promise<void> {
  const relative = path.relative(root, dir);
  let current = root;
  for (const segment of relative === '' ? [] : relative.split(path.sep)) {
    const next = path.join(current, segment);
    try {
      await fs.mkdir(next, { mode: 0o700 });
      await fsyncDirectory(current);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    current = next;
  }
}

/** Builds the local-folder storage rooted at `root` (created on first write). */
export function createLocalStorage(root: string): FileStorage {
  const base = path.resolve(root);
  let rootReady: Promise<void> | undefined;
  const ensureRoot = () =>
    (rootReady ??= (async () => {
      await fs.mkdir(base, { recursive: true, mode: 0o700 });
      await ensureDirectory(base, path.join(base, STAGING));
    })().catch((e: unknown) => {
      rootReady = undefined;
      throw e;
    }));

  function pathFor(key: string): string {
    assertSafeStorageKey(key);
    const full = path.resolve(base, ...key.split('/'));
    // Second line of defence behind the key pattern: the path must stay below the root.
    if (!full.startsWith(base + path.sep)) throw new Error('Unsafe storage key refused');
    return full;
  }

  const storage: FileStorage = {
    id: 'local',

    async put(key: string, content: Readable, options: PutOptions = {}): Promise<StoredObject> {
      guardEarlyErrors(content);
      const target = pathFor(key);
      await ensureRoot();
      const staging = path.join(base, STAGING, `${randomUUID()}.part`);
      try {
        const meter = measuringStream();
        // `flush: true` fsyncs before close, so the content is on disk before we go on.
        await pipeline(content, meter, createWriteStream(staging, { flags: 'wx', mode: 0o600, flush: true }));
        const stored = meter.result();
        await options.beforeCommit?.({ ...stored, open: () => createReadStream(staging) });
        await ensureDirectory(base, path.dirname(target));
        await fs.rename(staging, target);
        await fsyncDirectory(path.dirname(target));
        return stored;
      } catch (e) {
        await fs.rm(staging, { force: true });
        throw e;
      }
    },

    async get(key: string): Promise<Readable> {
      try {
        const handle = await fs.open(pathFor(key), 'r');
        if (!(await handle.stat()).isFile()) {
          await handle.close();
          throw new StorageNotFoundError(key);
        }
        return handle.createReadStream();
      } catch (e) {
        if (isMissing(e)) throw new StorageNotFoundError(key);
        throw e;
      }
    },

    async stat(key: string) {
      try {
        const s = await fs.stat(pathFor(key));
        return s.isFile() ? { size: s.size } : undefined;
      } catch (e) {
        if (isMissing(e)) return undefined;
        throw e;
      }
    },

    async delete(key: string): Promise<void> {
      await fs.rm(pathFor(key), { force: true });
    },

    async exists(key: string): Promise<boolean> {
      return (await storage.stat(key)) !== undefined;
    },

    selfCheck: () => selfCheckByProbe(storage, `local folder ${base}`),
  };
  return storage;
}

/** The `local` storage plug-in. */
export const localStoragePlugin = definePlugin({
  id: 'local',
  summary: 'Files in a folder on this machine (default: DATA_DIR/files).',
  optionsSchema: Type.Object({ root: Type.String({ minLength: 1 }) }, { additionalProperties: false }),
  create: (options) => createLocalStorage(options.root),
});
