/**
 * A fake clamd on 127.0.0.1 that speaks the real wire protocol: `zPING\0` → `PONG\0`, and
 * `zINSTREAM\0` followed by length-prefixed chunks and a zero-length chunk → `stream: OK\0` or
 * `stream: Eicar-Test-Signature FOUND\0`. Behaviours let tests simulate a hanging daemon, the
 * limits heuristic and StreamMaxLength. Every session is recorded for assertions.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { EICAR_TEST_STRING } from '../../src/platform/uploads/scanners/demo-scanners.js';

export type FakeClamdBehaviour = 'scan' | 'hang' | 'limits-exceeded';

export interface FakeClamdSession {
  command: string;
  /** Sizes of the length-prefixed chunks, including the terminating 0. */
  chunkSizes: number[];
  bytes: number;
  reply?: string;
}

export interface FakeClamd {
  port: number;
  sessions: FakeClamdSession[];
  behaviour: FakeClamdBehaviour;
  /** Answer `INSTREAM size limit exceeded. ERROR` once more than this many bytes arrived. */
  streamMaxLength: number;
  close(): Promise<void>;
}

/** Starts the fake daemon on a free port. */
export async function startFakeClamd(): Promise<FakeClamd> {
  const sockets = new Set<net.Socket>();
  const fake: FakeClamd = { port: 0, sessions: [], behaviour: 'scan', streamMaxLength: 25 * 1024 * 1024, close: async () => {} };

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buffer = Buffer.alloc(0);
    let session: FakeClamdSession | undefined;
    let content: Buffer[] = [];
    const answer = (text: string) => {
      session!.reply = text;
      socket.end(`${text}\0`);
    };

    socket.on('data', (data: Buffer) => {
      buffer = Buffer.concat([buffer, data]);
      if (!session) {
        const end = buffer.indexOf(0);
        if (end < 0) return;
        session = { command: buffer.subarray(0, end).toString('latin1'), chunkSizes: [], bytes: 0 };
        fake.sessions.push(session);
        buffer = buffer.subarray(end + 1);
        if (session.command === 'zPING') return answer('PONG');
        if (session.command !== 'zINSTREAM') return answer('UNKNOWN COMMAND');
      }
      while (session.reply === undefined && buffer.length >= 4) {
        const size = buffer.readUInt32BE(0);
        if (buffer.length < 4 + size) return;
        session.chunkSizes.push(size);
        content.push(buffer.subarray(4, 4 + size));
        buffer = buffer.subarray(4 + size);
        session.bytes += size;
        if (session.bytes > fake.streamMaxLength) return answer('INSTREAM size limit exceeded. ERROR');
        if (size > 0) continue;
        if (fake.behaviour === 'hang') return;
        if (fake.behaviour === 'limits-exceeded') return answer('stream: Heuristics.Limits.Exceeded FOUND');
        const infected = Buffer.concat(content).includes(Buffer.from(EICAR_TEST_STRING, 'latin1'));
        content = [];
        return answer(infected ? 'stream: Eicar-Test-Signature FOUND' : 'stream: OK');
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.port = (server.address() as AddressInfo).port;
  fake.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return fake;
}
