/**
 * Looking into generated PDFs the way a reader would: the text as poppler's `pdftotext` extracts
 * it (what copy-and-paste and screen readers get), and the QR code as a phone would read it —
 * the first page rendered by `pdftoppm` and decoded by jsQR. CI installs poppler-utils.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import jsQRModule from 'jsqr';

const run = promisify(execFile);
// jsqr is CommonJS: its exports are the function itself, with the same function as `default`.
const jsQR = jsQRModule.default;

/** Writes the PDF into a fresh temporary folder for the poppler tools, and removes it afterwards. */
async function withPdfFile<T>(pdf: Buffer, fn: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rc-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    await fs.writeFile(file, pdf);
    return await fn(file, dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** The PDF's text in reading order (`pdftotext -layout` off, UTF-8). */
export async function pdfText(pdf: Buffer): Promise<string> {
  return withPdfFile(pdf, async (file) => (await run('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout);
}

/** The number of pages (`pdfinfo`). */
export async function pdfPageCount(pdf: Buffer): Promise<number> {
  return withPdfFile(pdf, async (file) => Number(/^Pages:\s+(\d+)/m.exec((await run('pdfinfo', [file])).stdout)?.[1]));
}

/** The number of raster images in the PDF (`pdfimages -list`; the QR code is vector graphics). */
export async function pdfImageCount(pdf: Buffer): Promise<number> {
  // Two header lines, then one line per image and per soft mask (type `smask`, a PNG's alpha channel).
  const lines = await withPdfFile(pdf, async (file) => (await run('pdfimages', ['-list', file])).stdout.trim().split('\n').slice(2));
  return lines.filter((line) => line.trim().split(/\s+/)[2] === 'image').length;
}

/** Decodes the QR code on the given page (1-based), or undefined when there is none. */
export async function pdfQrCode(pdf: Buffer, page = 1): Promise<string | undefined> {
  return withPdfFile(pdf, async (file, dir) => {
    await run('pdftoppm', ['-r', '150', '-gray', '-f', String(page), '-l', String(page), file, path.join(dir, 'page')]);
    const image = (await fs.readdir(dir)).find((f) => f.endsWith('.pgm'));
    if (!image) return undefined;
    const pgm = await fs.readFile(path.join(dir, image));
    // Binary PGM: "P5 <width> <height> <max>" and one byte per pixel.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
    if (!header) throw new Error('pdftoppm did not write a binary PGM');
    const [width, height] = [Number(header[1]), Number(header[2])];
    const pixels = pgm.subarray(header[0].length);
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      const v = pixels[i]!;
      rgba.set([v, v, v, 255], i * 4);
    }
    return jsQR(rgba, width, height)?.data;
  });
}
