/**
 * ClamAV through clamd's INSTREAM command over TCP: `zINSTREAM\0`, then chunks each prefixed
 * with their length (4 bytes, big-endian), then a zero-length chunk; clamd answers
 * `stream: OK\0`, `stream: <signature> FOUND\0` or `… ERROR\0`. Every step has a timeout, and
 * any failure to get a verdict is ScannerUnavailableError (fail closed).
 *
 * clamd must run with `AlertExceedsMax yes`, otherwise content beyond its limits is reported as
 * OK; with it, the answer is `Heuristics.Limits.Exceeded FOUND`, which counts as a rejection.
 * Its StreamMaxLength must exceed the largest upload limit.
 */
import net from 'node:net';
import type { Readable } from 'node:stream';
import { Type, type Static } from '@sinclair/typebox';
import { definePlugin, type SelfCheckResult } from '../../plugins/plugin-definition.js';
import { ScanFailedError, ScannerUnavailableError, type ScanVerdict, type VirusScanner } from './virus-scanner.js';

/** Options of the clamd plug-in (from CLAMD_HOST, CLAMD_PORT, CLAMD_TIMEOUT_MS). */
export const ClamdOptions = Type.Object(
  {
    host: Type.String({ minLength: 1 }),
    port: Type.Integer({ minimum: 1, maximum: 65535 }),
    timeoutMs: Type.Integer({ minimum: 1 }),
    /** Largest piece sent with one length prefix (default 64 KiB). */
    chunkBytes: Type.Optional(Type.Integer({ minimum: 1024, maximum: 1024 * 1024 })),
  },
  { additionalProperties: false },
);
export type ClamdOptions = Static<typeof ClamdOptions>;

/** One connection to clamd: sends a command, collects the NUL-terminated reply, enforces the timeout. */
class ClamdConnection {
  private reply = '';
  /** True once the NUL-terminated answer arrived; later socket errors and the close are then expected. */
  private answered = false;
  private replied: Promise<string>;
  private failure: Error | undefined;

  private constructor(private readonly socket: net.Socket, timeoutMs: number) {
    socket.setTimeout(timeoutMs);
    this.replied = new Promise<string>((resolve, reject) => {
      socket.on('data', (data: Buffer) => {
        this.reply += data.toString('utf8');
        const end = this.reply.indexOf('\0');
        if (end >= 0 && !this.answered) {
          this.answered = true;
          resolve(this.reply.slice(0, end));
        }
      });
      const fail = (message: string) => {
        if (this.answered) return;
        this.failure ??= new ScannerUnavailableError(message);
        reject(this.failure);
        socket.destroy();
      };
      socket.on('timeout', () => fail('clamd did not answer in time'));
      socket.on('error', (e) => fail(`clamd connection failed: ${e.message}`));
      socket.on('close', () => fail('clamd closed the connection without an answer'));
    });
    this.replied.catch(() => {});
  }

  static open(options: ClamdOptions): Promise<ClamdConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: options.host, port: options.port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new ScannerUnavailableError(`clamd at ${options.host}:${options.port} did not accept the connection in time`));
      }, options.timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve(new ClamdConnection(socket, options.timeoutMs));
      });
      socket.once('error', (e) => {
        clearTimeout(timer);
        reject(new ScannerUnavailableError(`clamd at ${options.host}:${options.port} unreachable: ${e.message}`));
      });
    });
  }

  /** Writes and waits for the socket buffer to drain (backpressure); fails fast once clamd answered or failed. */
  async write(data: Buffer): Promise<void> {
    // clamd may answer early (e.g. over StreamMaxLength) and close; the answer then decides, so stop sending.
    if (this.answered) return;
    if (this.failure) throw this.failure;
    if (!this.socket.write(data)) {
      await Promise.race([new Promise<void>((resolve) => this.socket.once('drain', resolve)), this.replied]);
    }
  }

  get hasAnswered(): boolean {
    return this.answered;
  }

  answer(): Promise<string> {
    return this.replied;
  }

  close(): void {
    this.socket.destroy();
  }
}

/** Reads clamd's INSTREAM answer; unknown or ERROR answers are ScanFailedError. */
export function parseClamdReply(reply: string): ScanVerdict {
  const text = reply.trim();
  if (text === 'stream: OK') return { clean: true };
  const found = /^stream: (.+) FOUND$/.exec(text);
  if (found) return { clean: false, signature: found[1]! };
  throw new ScanFailedError(`clamd could not scan the content: ${text.slice(0, 200)}`);
}

/** Builds the clamd scanner. */
export function createClamdScanner(options: ClamdOptions): VirusScanner {
  const chunkBytes = options.chunkBytes ?? 64 * 1024;
  const where = `clamd at ${options.host}:${options.port}`;

  return {
    id: 'clamd',

    async scan(content: Readable): Promise<ScanVerdict> {
      let connection: ClamdConnection | undefined;
      try {
        connection = await ClamdConnection.open(options);
        await connection.write(Buffer.from('zINSTREAM\0'));
        for await (const chunk of content) {
          if (connection.hasAnswered) break;
          const data = chunk as Buffer;
          for (let offset = 0; offset < data.length; offset += chunkBytes) {
            const piece = data.subarray(offset, offset + chunkBytes);
            const length = Buffer.alloc(4);
            length.writeUInt32BE(piece.length);
            await connection.write(Buffer.concat([length, piece]));
          }
        }
        await connection.write(Buffer.alloc(4));
        return parseClamdReply(await connection.answer());
      } finally {
        content.destroy();
        connection?.close();
      }
    },

    async selfCheck(): Promise<SelfCheckResult> {
      let connection: ClamdConnection | undefined;
      try {
        connection = await ClamdConnection.open(options);
        await connection.write(Buffer.from('zPING\0'));
        const answer = await connection.answer();
        return answer.trim() === 'PONG' ? { ok: true, detail: `${where} answers` } : { ok: false, detail: `${where} answered "${answer.slice(0, 50)}"` };
      } catch (e) {
        return { ok: false, detail: (e as Error).message };
      } finally {
        connection?.close();
      }
    },
  };
}

/** The `clamd` scanner plug-in. */
export const clamdScannerPlugin = definePlugin({
  id: 'clamd',
  summary: 'ClamAV daemon over TCP (INSTREAM); uploads are refused while it is unreachable.',
  optionsSchema: ClamdOptions,
  create: (options) => createClamdScanner(options),
});
