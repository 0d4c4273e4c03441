/**
 * `file-drop`: writes the payload into a folder that another system picks files up from (a
 * register's import folder, a share synchronised to a recipient).
 *
 * - The folder is a path below DELIVERY_DROP_DIR; absolute paths, `..`, hidden segments and
 *   symbolic links that lead outside the root are refused, so a tenant's configuration can never
 *   write elsewhere on the server.
 * - Atomic: the content goes to a hidden temporary file in the same folder, is fsync'ed, then
 *   linked to its final name (which fails if the name exists), and the folder is fsync'ed. A
 *   pick-up process never sees half a file.
 * - Idempotent: the file name contains the delivery id, so delivering the same item again finds
 *   its file and writes nothing — exactly one file per delivery.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import { definePlugin } from '../../../platform/plugins/plugin-definition.js';
import { DeliveryError, type DeliveryChannel, type DeliveryMeta } from './delivery-channel.js';
import { assertSamePayload } from './read-payload.js';

/** Options: the sub-folder below DELIVERY_DROP_DIR. */
export const FileDropOptions = Type.Object(
  {
    folder: Type.String({
      minLength: 1,
      maxLength: 200,
      // Relative segments of letters, digits, `_`, `-`, `.`, none starting with a dot: no `..`, no hidden folders.
      pattern: '^[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$',
      description: 'Sub-folder below DELIVERY_DROP_DIR, e.g. "wurzen/ihk-leipzig"',
    }),
  },
  { additionalProperties: false },
);

const DIR_MODE = 0o750;
const FILE_MODE = 0o640;

/** A file-name part made of safe characters only. */
function namePart(value: string, max: number): string {
  const cleaned = value.replace(/[^A-Za-z0-9-]+/g, '_').replace(/^_+|_+$/g, '');
  return cleaned.slice(0, max) || 'x';
}

/** The final file name: reference, recipient and delivery id, with the payload's extension. */
export function dropFileName(meta: Pick<DeliveryMeta, 'caseReference' | 'recipient' | 'deliveryId' | 'payload'>): string {
  const ext = /\.([A-Za-z0-9]{1,10})$/.exec(meta.payload.filename)?.[1]?.toLowerCase();
  const parts = [namePart(meta.caseReference ?? 'sammel', 60), namePart(meta.recipient.id, 60), namePart(meta.deliveryId, 36)];
  return `${parts.join('_')}${ext ? `.${ext}` : ''}`;
}

/** Resolves (and creates) the configured folder, refusing anything that leaves the root. */
export async function resolveDropFolder(root: string, folder: string): Promise<string> {
  const absoluteRoot = path.resolve(root);
  const target = path.resolve(absoluteRoot, folder);
  const relative = path.relative(absoluteRoot, target);
  if (path.isAbsolute(folder) || relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new DeliveryError(`Der Ablageordner "${folder}" liegt nicht unterhalb des Übermittlungsordners und wird nicht verwendet.`, false);
  }
  await fs.mkdir(target, { recursive: true, mode: DIR_MODE });
  // A symbolic link inside the root could still point elsewhere: compare the real paths.
  const [realRoot, realTarget] = await Promise.all([fs.realpath(absoluteRoot), fs.realpath(target)]);
  const realRelative = path.relative(realRoot, realTarget);
  if (realRelative === '' || realRelative.startsWith('..') || path.isAbsolute(realRelative)) {
    throw new DeliveryError(`Der Ablageordner "${folder}" führt aus dem Übermittlungsordner heraus und wird nicht verwendet.`, false);
  }
  return realTarget;
}

async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } catch {
    // Some platforms cannot fsync a directory; the file itself is already durable.
  } finally {
    await handle.close();
  }
}

/** Writes the stream to `file` (which must not exist), fsync'ed; returns size and SHA-256. */
async function writeDurably(stream: Readable, file: string): Promise<{ size: number; sha256: string }> {
  const handle = await fs.open(file, 'wx', FILE_MODE);
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      hash.update(buf);
      size += buf.length;
      await handle.write(buf);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { size, sha256: hash.digest('hex') };
}

/** Gives the staged file its final name without ever replacing an existing file. */
async function publish(staged: string, target: string): Promise<'written' | 'already-present'> {
  try {
    await fs.link(staged, target);
    return 'written';
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return 'already-present';
    // Shares without hard links (SMB, some NFS): rename after a check; the window is tiny and
    // only this delivery id writes this name.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') {
      if (await exists(target)) return 'already-present';
      await fs.rename(staged, target);
      return 'written';
    }
    throw e;
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

function classify(e: unknown, folder: string): DeliveryError {
  if (e instanceof DeliveryError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  // A full disk or a share that is gone may come back; missing rights do not heal by waiting.
  const permanent = code === 'EACCES' || code === 'EROFS' || code === 'ENOTDIR';
  return new DeliveryError(`Ablage im Ordner "${folder}" fehlgeschlagen: ${code ?? (e as Error).message}`, !permanent, { cause: e });
}

/** The `file-drop` channel plug-in. */
export const fileDropChannelPlugin = definePlugin({
  id: 'file-drop',
  summary: 'Writes each delivery as one file into a folder below DELIVERY_DROP_DIR (atomic, one file per delivery).',
  optionsSchema: FileDropOptions,
  create(options): DeliveryChannel {
    return {
      type: 'file-drop',
      async deliver(payload, meta, env) {
        let staged: string | undefined;
        try {
          const dir = await resolveDropFolder(env.dropRoot, options.folder);
          const name = dropFileName(meta);
          const target = path.join(dir, name);
          if (await exists(target)) {
            payload.destroy();
            return { folder: options.folder, file: name, bytes: null, alreadyPresent: true };
          }
          staged = path.join(dir, `.${name}.${randomUUID()}.part`);
          const written = await writeDurably(payload, staged);
          assertSamePayload(meta, written.size, written.sha256);
          const outcome = await publish(staged, target);
          await fsyncDirectory(dir);
          return { folder: options.folder, file: name, bytes: written.size, alreadyPresent: outcome === 'already-present' };
        } catch (e) {
          payload.destroy();
          throw classify(e, options.folder);
        } finally {
          if (staged) await fs.rm(staged, { force: true });
        }
      },
      async selfCheck(env) {
        try {
          const dir = await resolveDropFolder(env.dropRoot, options.folder);
          const probe = path.join(dir, `.selfcheck.${randomUUID()}.part`);
          await fs.writeFile(probe, 'rathaus self-check', { mode: FILE_MODE, flag: 'wx' });
          await fs.rm(probe);
          return { ok: true, detail: `file-drop: folder "${options.folder}" is writable` };
        } catch (e) {
          return { ok: false, detail: `file-drop: folder "${options.folder}": ${(e as Error).message}` };
        }
      },
    };
  },
});
