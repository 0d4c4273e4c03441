import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createDemoScanner, createFailingScanner, createNoScanner, EICAR_TEST_STRING } from './demo-scanners.js';
import { ScannerUnavailableError } from './virus-scanner.js';

describe('demo scanners', () => {
  it('demo rejects EICAR even when it is split across chunks, and accepts other content', async () => {
    const eicar = Buffer.from(EICAR_TEST_STRING, 'latin1');
    const split = Readable.from([Buffer.concat([Buffer.alloc(1000, 0x41), eicar.subarray(0, 30)]), eicar.subarray(30), Buffer.from('tail')]);
    expect(await createDemoScanner().scan(split)).toEqual({ clean: false, signature: 'Eicar-Test-Signature' });
    expect(await createDemoScanner().scan(Readable.from([Buffer.from('%PDF-1.7 harmless')]))).toEqual({ clean: true });
  });

  it('failing-demo is always unavailable; off accepts without scanning', async () => {
    await expect(createFailingScanner().scan(Readable.from([Buffer.from('x')]))).rejects.toBeInstanceOf(ScannerUnavailableError);
    expect((await createFailingScanner().selfCheck()).ok).toBe(false);
    expect(await createNoScanner().scan(Readable.from([Buffer.from(EICAR_TEST_STRING)]))).toEqual({ clean: true });
  });
});
