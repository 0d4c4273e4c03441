/**
 * Storage plug-ins for tests: `demo` keeps objects in memory (same contract as the real
 * adapters, including beforeCommit), `failing-demo` fails every operation as an unreachable
 * object store would, so tests can prove that callers fail closed.
 */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { definePlugin, NoOptions } from '../plugins/plugin-definition.js';
import { StorageNotFoundError, StorageUnavailableError, type FileStorage, type PutOptions } from './file-storage.js';
import { guardEarlyErrors, measuringStream } from './measure.js';
import { selfCheckByProbe } from './self-check.js';
import { assertSafeStorageKey } from './storage-key.js';

/** In-memory storage; `keys()` lets tests see exactly what was stored. */
export function createMemoryStorage(): FileStorage & { keys(): string[] } {
  const objects = new Map<string, Buffer>();
  const storage = {
    id: 'demo',
    async put(key: string, content: Readable, options: PutOptions = {}) {
      guardEarlyErrors(content);
      assertSafeStorageKey(key);
      const chunks: Buffer[] = [];
      const meter = measuringStream();
      await pipeline(content, meter, new Writable({ write: (chunk: Buffer, _e, cb) => (chunks.push(chunk), cb()) }));
      const data = Buffer.concat(chunks);
      const stored = meter.result();
      await options.beforeCommit?.({ ...stored, open: () => Readable.from([data]) });
      objects.set(key, data);
      return stored;
    },
    async get(key: string) {
      assertSafeStorageKey(key);
      const data = objects.get(key);
      if (!data) throw new StorageNotFoundError(key);
      return Readable.from([data]);
    },
    async stat(key: string) {
      assertSafeStorageKey(key);
      const data = objects.get(key);
      return data ? { size: data.length } : undefined;
    },
    async delete(key: string) {
      assertSafeStorageKey(key);
      objects.delete(key);
    },
    async exists(key: string) {
      return (await storage.stat(key)) !== undefined;
    },
    selfCheck: () => selfCheckByProbe(storage, 'in-memory demo storage'),
    keys: () => [...objects.keys()],
  };
  return storage;
}

/** Storage whose every operation fails as if the back end were down. */
export function createFailingStorage(): FileStorage {
  const fail = async (): Promise<never> => {
    throw new StorageUnavailableError('failing-demo storage: always unavailable');
  };
  return {
    id: 'failing-demo',
    async put(_key, content) {
      content.destroy();
      return fail();
    },
    get: fail,
    stat: fail,
    delete: fail,
    exists: fail,
    selfCheck: async () => ({ ok: false, detail: 'failing-demo storage: always unavailable' }),
  };
}

/** The `demo` storage plug-in (in memory, for tests). */
export const demoStoragePlugin = definePlugin({ id: 'demo', summary: 'In-memory storage for tests.', optionsSchema: NoOptions, create: () => createMemoryStorage() });

/** The `failing-demo` storage plug-in (always unavailable, for tests). */
export const failingDemoStoragePlugin = definePlugin({
  id: 'failing-demo',
  summary: 'Storage that is always unavailable, for fail-closed tests.',
  optionsSchema: NoOptions,
  create: () => createFailingStorage(),
});
