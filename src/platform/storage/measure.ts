/**
 * Counting and hashing while content streams through, so every adapter reports the same
 * size and SHA-256 without reading the content twice.
 */
import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import type { StoredObject } from './file-storage.js';

/** A pass-through stream that measures what passes; `result()` is valid after it ended. */
export function measuringStream(): Transform & { result(): StoredObject } {
  const hash = createHash('sha256');
  let size = 0;
  let digest: string | undefined;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback) {
      digest = hash.digest('hex');
      callback();
    },
  });
  return Object.assign(stream, {
    result(): StoredObject {
      if (digest === undefined) throw new Error('measuringStream: result() read before the stream ended');
      return { size, sha256: digest };
    },
  });
}

/**
 * Keeps an early 'error' of a source stream from becoming an uncaught exception while the
 * adapter is still preparing (awaiting a folder or a connection) before it starts piping;
 * `pipeline` reports the stored error once it attaches.
 */
export function guardEarlyErrors(content: NodeJS.ReadableStream): void {
  content.on('error', () => {});
}
