/**
 * Scanner plug-ins without ClamAV: `off` (the default: no scanning), `demo` (accepts everything
 * except the EICAR test string, so tests can prove rejection end to end) and `failing-demo`
 * (always unavailable, so tests can prove fail-closed behaviour).
 */
import type { Readable } from 'node:stream';
import { definePlugin, NoOptions } from '../../plugins/plugin-definition.js';
import { ScannerUnavailableError, type ScanVerdict, type VirusScanner } from './virus-scanner.js';

/**
 * The EICAR anti-virus test string. Assembled from two halves so that this source file itself
 * is not flagged by a virus scanner on a developer machine.
 */
export const EICAR_TEST_STRING = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$' + 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

/** Scanning switched off (CLAMD_ENABLED=false): every file is accepted without reading it. */
export function createNoScanner(): VirusScanner {
  return {
    id: 'off',
    async scan(content: Readable): Promise<ScanVerdict> {
      content.destroy();
      return { clean: true };
    },
    selfCheck: async () => ({ ok: true, detail: 'virus scanning is switched off (CLAMD_ENABLED=false)' }),
  };
}

/** Accepts everything but content containing the EICAR test string. */
export function createDemoScanner(): VirusScanner {
  const needle = Buffer.from(EICAR_TEST_STRING, 'latin1');
  return {
    id: 'demo',
    async scan(content: Readable): Promise<ScanVerdict> {
      // Keep the last needle-length bytes of the previous chunk so a match across chunks is found.
      let carry = Buffer.alloc(0);
      let found = false;
      for await (const chunk of content) {
        const window = Buffer.concat([carry, chunk as Buffer]);
        if (window.includes(needle)) found = true;
        carry = window.subarray(Math.max(0, window.length - needle.length + 1));
      }
      return found ? { clean: false, signature: 'Eicar-Test-Signature' } : { clean: true };
    },
    selfCheck: async () => ({ ok: true, detail: 'demo scanner (rejects only the EICAR test string)' }),
  };
}

/** Always unavailable, like a clamd that is down. */
export function createFailingScanner(): VirusScanner {
  return {
    id: 'failing-demo',
    async scan(content: Readable): Promise<ScanVerdict> {
      content.destroy();
      throw new ScannerUnavailableError('failing-demo scanner: always unavailable');
    },
    selfCheck: async () => ({ ok: false, detail: 'failing-demo scanner: always unavailable' }),
  };
}

/** The `off` scanner plug-in. */
export const offScannerPlugin = definePlugin({ id: 'off', summary: 'No virus scanning.', optionsSchema: NoOptions, create: () => createNoScanner() });

/** The `demo` scanner plug-in. */
export const demoScannerPlugin = definePlugin({
  id: 'demo',
  summary: 'Test scanner: rejects the EICAR test string, accepts everything else.',
  optionsSchema: NoOptions,
  create: () => createDemoScanner(),
});

/** The `failing-demo` scanner plug-in. */
export const failingDemoScannerPlugin = definePlugin({
  id: 'failing-demo',
  summary: 'Test scanner that is always unavailable.',
  optionsSchema: NoOptions,
  create: () => createFailingScanner(),
});
