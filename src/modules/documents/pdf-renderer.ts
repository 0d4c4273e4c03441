/**
 * Renders a pdfmake document definition to PDF bytes, offline. The fonts (Roboto, shipped with
 * pdfmake: ä ö ü ß € and the rest of Latin-1/Latin Extended) are read once into memory and
 * embedded; pdfmake is given a URL policy that refuses every download and a local-file policy
 * that refuses every path, so nothing in a document definition can make rendering reach the
 * network or the file system. Images (the tenant's logo) arrive as data URLs. Each font is parsed
 * once per process and shared by all documents (shared-fonts.ts).
 *
 * pdfmake's default export is a process-wide singleton holding fonts; we build its Printer
 * ourselves instead, so each renderer owns its configuration.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { shareParsedFonts } from './shared-fonts.js';

const require = createRequire(import.meta.url);

/** A pdfmake content node, as far as this module needs to know it. */
export type PdfContent = string | PdfContent[] | { [key: string]: unknown };

/** The parts of a pdfmake document definition the layout uses. */
export interface PdfDocumentDefinition {
  content: PdfContent[];
  info?: { title?: string; author?: string; subject?: string; creator?: string; producer?: string; creationDate?: Date };
  language?: string;
  pageSize?: 'A4';
  pageMargins?: [number, number, number, number];
  footer?: (currentPage: number, pageCount: number) => PdfContent;
  defaultStyle?: Record<string, unknown>;
  styles?: Record<string, Record<string, unknown>>;
  images?: Record<string, string>;
  displayTitle?: boolean;
}

interface PdfKitDocument extends NodeJS.EventEmitter {
  end(): void;
}

interface PdfPrinter {
  createPdfKitDocument(definition: PdfDocumentDefinition, options?: object): Promise<PdfKitDocument>;
}

type PrinterClass = new (fonts: object, virtualfs: object, urlResolver: object, localAccessPolicy: (p: string) => boolean) => PdfPrinter;
type UrlResolverClass = new (virtualfs: object) => { setUrlAccessPolicy(policy: (url: string) => boolean): void };

export interface PdfRenderer {
  render(definition: PdfDocumentDefinition): Promise<Buffer>;
}

const FONT_FILES = { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' };

/**
 * pdfmake's "virtual file system", read-only and holding just the fonts: pdfmake reads fonts named
 * in the descriptors from here, and would store downloads here (refused).
 */
function fontFileSystem() {
  const dir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  const files = new Map(Object.values(FONT_FILES).map((name) => [name, fs.readFileSync(path.join(dir, name))]));
  return {
    existsSync: (name: string) => files.has(name),
    readFileSync: (name: string) => {
      const content = files.get(name);
      if (!content) throw new Error(`pdfmake: no embedded file ${name}`);
      return content;
    },
    writeFileSync: (name: string) => {
      throw new Error(`pdfmake: refusing to store ${name}`);
    },
  };
}

interface PdfMake {
  Printer: PrinterClass;
  UrlResolver: UrlResolverClass;
  /** The parsed-font cache knows a font by these very Buffer objects. */
  files: ReturnType<typeof fontFileSystem>;
}

let pdfmake: PdfMake | undefined;

/**
 * pdfmake, pdfkit and the fonts, loaded on the first render in the process rather than at start:
 * a web process may never render (about 70 ms of a start and the memory of the modules).
 */
function loadPdfMake(): PdfMake {
  if (!pdfmake) {
    shareParsedFonts();
    pdfmake = {
      Printer: (require('pdfmake/js/Printer.js') as { default: PrinterClass }).default,
      UrlResolver: (require('pdfmake/js/URLResolver.js') as { default: UrlResolverClass }).default,
      files: fontFileSystem(),
    };
  }
  return pdfmake;
}

/** Creates a renderer; pdfmake and the fonts are loaded on the first render, once per process. */
export function createPdfRenderer(): PdfRenderer {
  return {
    async render(definition) {
      const { Printer, UrlResolver, files } = loadPdfMake();
      const resolver = new UrlResolver(files);
      resolver.setUrlAccessPolicy(() => false);
      // pdfmake rewrites the descriptors it is given, so each document gets its own copy.
      const printer = new Printer({ Roboto: { ...FONT_FILES } }, files, resolver, () => false);
      const doc = await printer.createPdfKitDocument(definition);
      const chunks: Buffer[] = [];
      return new Promise<Buffer>((resolve, reject) => {
        doc.on('data', (chunk: Buffer) => chunks.push(chunk));
        doc.on('end', () => resolve(Buffer.concat(chunks)));
        doc.on('error', reject);
        doc.end();
      });
    },
  };
}
