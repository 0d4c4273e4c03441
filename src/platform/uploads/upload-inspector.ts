/**
 * The stream stage every upload passes through before storage: it counts bytes and fails the
 * stream the moment the limit is passed (so a too-large file is refused while it is still
 * arriving, never read whole), holds back the first SNIFF_BYTES to recognise the type by
 * content and fails on a type that is not allowed before anything is stored, and keeps
 * checking that declared text stays text.
 */
import { Transform, type TransformCallback } from 'node:stream';
import type { AppError } from '../errors/app-error.js';
import { detectContent, isPlainTextBytes, SNIFF_BYTES, type DetectedContent, type UploadTypeId } from './upload-types.js';

export interface InspectorRules {
  limitBytes: number;
  /** The error for passing the limit. */
  tooLarge: () => AppError;
  /** Decides on the detected content: returns the accepted type or throws the refusal. */
  accept: (detected: DetectedContent) => UploadTypeId;
  /** The error for binary bytes after a text beginning. */
  notText: () => AppError;
}

/** A Transform that checks size and type while passing the content through unchanged. */
export class UploadInspector extends Transform {
  private received = 0;
  private head: Buffer[] = [];
  private headBytes = 0;
  /** The accepted type, once decided. */
  type: UploadTypeId | undefined;
  /** What was found in the content, for logs. */
  found = '';

  constructor(private readonly rules: InspectorRules) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.received += chunk.length;
    if (this.received > this.rules.limitBytes) return callback(this.rules.tooLarge());
    if (this.type === undefined) {
      this.head.push(chunk);
      this.headBytes += chunk.length;
      if (this.headBytes < SNIFF_BYTES) return callback();
      return void this.decide().then(() => callback(), callback);
    }
    if (this.type === 'text' && !isPlainTextBytes(chunk)) return callback(this.rules.notText());
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.type !== undefined || this.headBytes === 0) return callback();
    this.decide().then(() => callback(), callback);
  }

  private async decide(): Promise<void> {
    const head = Buffer.concat(this.head);
    this.head = [];
    const detected = await detectContent(head);
    this.found = detected.found;
    this.type = this.rules.accept(detected);
    this.push(head);
  }
}
