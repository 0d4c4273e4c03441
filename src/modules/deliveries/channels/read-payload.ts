/**
 * Reads a delivery payload into memory for channels that must know the whole body before they
 * send (HTTP with Content-Length, mail attachments), and proves it is the payload the item was
 * created with: a stored file that changed since is never sent.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DeliveryError, type DeliveryMeta } from './delivery-channel.js';

/** The largest payload held in memory; messages to authorities are kilobytes, batches a few megabytes. */
export const MAX_BUFFERED_PAYLOAD_BYTES = 64 * 1024 * 1024;

/** Reads the stream and checks size and SHA-256 against the delivery's payload reference. */
export async function readVerifiedPayload(stream: Readable, meta: DeliveryMeta, maxBytes = MAX_BUFFERED_PAYLOAD_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buf.length;
    if (size > maxBytes) {
      stream.destroy();
      throw new DeliveryError(`Die Nutzdaten sind größer als ${maxBytes} Bytes und können über diesen Kanal nicht gesendet werden.`, false);
    }
    hash.update(buf);
    chunks.push(buf);
  }
  assertSamePayload(meta, size, hash.digest('hex'));
  return Buffer.concat(chunks);
}

/** Throws a permanent error when the bytes read are not the payload the delivery refers to. */
export function assertSamePayload(meta: DeliveryMeta, size: number, sha256: string): void {
  if (sha256 !== meta.payload.sha256 || size !== meta.payload.size) {
    throw new DeliveryError(
      `Die gespeicherten Nutzdaten stimmen nicht mit ihrer Prüfsumme überein (erwartet SHA-256 ${meta.payload.sha256.slice(0, 12)}…, gelesen ${sha256.slice(0, 12)}…); sie werden nicht gesendet.`,
      false,
    );
  }
}
