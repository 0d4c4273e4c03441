import net from 'node:net';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeClamd, type FakeClamd } from '../../../../test/support/fake-clamd-server.js';
import { streamOfBytes } from '../../../../test/support/storage-contract.js';
import { createClamdScanner, parseClamdReply } from './clamd-scanner.js';
import { EICAR_TEST_STRING } from './demo-scanners.js';
import { ScanFailedError, ScannerUnavailableError, isLimitsExceeded } from './virus-scanner.js';

describe('clamd scanner against a fake clamd speaking INSTREAM', () => {
  let clamd: FakeClamd;
  beforeEach(async () => {
    clamd = await startFakeClamd();
  });
  afterEach(async () => {
    await clamd.close();
  });
  const scanner = (timeoutMs = 5000) => createClamdScanner({ host: '127.0.0.1', port: clamd.port, timeoutMs, chunkBytes: 65_536 });

  it('sends zINSTREAM with length-prefixed chunks and a terminating zero chunk; clean content is OK', async () => {
    const verdict = await scanner().scan(streamOfBytes(200_000));
    expect(verdict).toEqual({ clean: true });
    expect(clamd.sessions).toHaveLength(1);
    const session = clamd.sessions[0]!;
    expect(session.command).toBe('zINSTREAM');
    expect(session.bytes).toBe(200_000);
    expect(session.chunkSizes.at(-1)).toBe(0);
    expect(Math.max(...session.chunkSizes)).toBeLessThanOrEqual(65_536);
  });

  it('reports EICAR as infected', async () => {
    const verdict = await scanner().scan(Readable.from([Buffer.from(`header ${EICAR_TEST_STRING} trailer`)]));
    expect(verdict).toEqual({ clean: false, signature: 'Eicar-Test-Signature' });
  });

  it('reports Heuristics.Limits.Exceeded as a rejection, never as clean', async () => {
    clamd.behaviour = 'limits-exceeded';
    const verdict = await scanner().scan(streamOfBytes(1000));
    expect(verdict.clean).toBe(false);
    expect(isLimitsExceeded(verdict)).toBe(true);
  });

  it('an ERROR answer (over StreamMaxLength) is ScanFailedError', async () => {
    clamd.streamMaxLength = 100_000;
    await expect(scanner().scan(streamOfBytes(500_000))).rejects.toBeInstanceOf(ScanFailedError);
  });

  it('fails closed when clamd does not answer in time', async () => {
    clamd.behaviour = 'hang';
    await expect(scanner(300).scan(streamOfBytes(1000))).rejects.toBeInstanceOf(ScannerUnavailableError);
  });

  it('fails closed when clamd is not listening', async () => {
    const port = clamd.port;
    await clamd.close();
    const down = createClamdScanner({ host: '127.0.0.1', port, timeoutMs: 2000 });
    await expect(down.scan(streamOfBytes(1000))).rejects.toBeInstanceOf(ScannerUnavailableError);
    expect((await down.selfCheck()).ok).toBe(false);
  });

  it('fails closed when something accepts the connection but never answers', async () => {
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    try {
      await expect(createClamdScanner({ host: '127.0.0.1', port, timeoutMs: 300 }).scan(streamOfBytes(1000))).rejects.toBeInstanceOf(ScannerUnavailableError);
    } finally {
      silent.close();
    }
  });

  it('self-check pings clamd', async () => {
    expect(await scanner().selfCheck()).toMatchObject({ ok: true });
    expect(clamd.sessions[0]?.command).toBe('zPING');
  });
});

describe('parseClamdReply', () => {
  it('reads OK, FOUND and refuses anything else', () => {
    expect(parseClamdReply('stream: OK')).toEqual({ clean: true });
    expect(parseClamdReply('stream: Win.Test.EICAR_HDB-1 FOUND')).toEqual({ clean: false, signature: 'Win.Test.EICAR_HDB-1' });
    expect(() => parseClamdReply('stream: lstat() failed. ERROR')).toThrow(ScanFailedError);
    expect(() => parseClamdReply('')).toThrow(ScanFailedError);
  });
});
