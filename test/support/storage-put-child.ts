/**
 * Child process for the crash tests of the local storage: puts one object and reports on
 * stdout, then waits to be killed. Mode `complete` writes a whole object and prints
 * `ack <sha256>` once `put` resolved; mode `midway` prints `writing` after the first chunk and
 * never finishes, so the parent can kill it in the middle of a write.
 */
import { Readable } from 'node:stream';
import { createLocalStorage } from '../../src/platform/storage/local-storage.js';
import { streamOfBytes } from './storage-contract.js';

const [root, key, mode] = process.argv.slice(2) as [string, string, 'complete' | 'midway'];
const storage = createLocalStorage(root);

if (mode === 'complete') {
  const stored = await storage.put(key, streamOfBytes(2_000_000, 3));
  process.stdout.write(`ack ${stored.sha256}\n`);
} else {
  const source = new Readable({ read() {} });
  source.push(Buffer.alloc(100_000, 7));
  void storage.put(key, source);
  setTimeout(() => process.stdout.write('writing\n'), 50);
}
setInterval(() => {}, 1000);
