/**
 * The common storage self-check: write a small probe object, read it back, compare, delete.
 * This exercises the real permissions (write, read, delete) rather than a listing call that
 * needs a permission the platform otherwise never uses.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type { SelfCheckResult } from '../plugins/plugin-definition.js';
import type { FileStorage } from './file-storage.js';

/** Runs the probe against a storage; `where` describes it for the operator (no secrets). */
export async function selfCheckByProbe(storage: FileStorage, where: string): Promise<SelfCheckResult> {
  const key = `_selfcheck/${randomUUID()}`;
  const probe = Buffer.from(`rathaus storage self-check ${key}`);
  try {
    await storage.put(key, Readable.from([probe]));
    const back = await buffer(await storage.get(key));
    await storage.delete(key);
    if (!back.equals(probe)) return { ok: false, detail: `${where}: read back different content` };
    if (await storage.exists(key)) return { ok: false, detail: `${where}: probe object still present after delete` };
    return { ok: true, detail: `${where}: write, read and delete work` };
  } catch (e) {
    return { ok: false, detail: `${where}: ${(e as Error).message}` };
  }
}
