/**
 * The tenant's letterhead and the block vocabulary, mapped onto a pdfmake document definition.
 *
 * Safety rule: every string that can come from a case (or any other input) enters pdfmake only as
 * the `text` of a node built here, via {@link text}; no input becomes a node, an image name, a
 * link or a style. pdfmake prints a text node's string literally, so markup stays markup-looking
 * text in the PDF.
 */
import { formatDate } from '../../platform/i18n/i18n.js';
import type { DocumentBlock, TextRun } from './blocks.js';
import type { DocumentContent, DocumentTenant } from './document-template.js';
import type { PdfContent, PdfDocumentDefinition } from './pdf-renderer.js';
import { formatShortCode } from './short-code.js';

/** The municipality's letterhead: who issues the document and how it looks. */
export interface Letterhead extends DocumentTenant {
  /** `#rrggbb`; the rule under the letterhead. Anything else falls back to a neutral blue. */
  primaryColor?: string | undefined;
  /** The logo as a `data:image/png;base64,…` or `data:image/jpeg;base64,…` URL. */
  logoDataUrl?: string | undefined;
}

export interface LayoutInput {
  letterhead: Letterhead;
  /** The document type (German, the official language: § 23 Abs. 1 VwVfG). */
  title: string;
  reference: string;
  issuedAt: Date;
  content: DocumentContent;
  verification: { shortCode: string; url: string };
}

const DEFAULT_COLOUR = '#1f4e79';
const MARGIN_X = 56;
const CONTENT_WIDTH = 595.28 - 2 * MARGIN_X;

/** A text node; the only way strings enter the document. */
function text(value: string, style?: Record<string, unknown>): PdfContent {
  return { text: String(value), ...style };
}

function runs(value: string | readonly TextRun[]): PdfContent {
  if (typeof value === 'string') return text(value);
  return { text: value.map((r) => text(r.text, r.strong ? { bold: true } : {})) };
}

function block(b: DocumentBlock): PdfContent {
  switch (b.type) {
    case 'heading':
      return text(b.text, { style: 'heading' });
    case 'paragraph':
      return { ...(runs(b.text) as object), style: 'paragraph' };
    case 'keyValue':
      return {
        style: 'paragraph',
        table: {
          widths: [170, '*'],
          body: b.rows.map((r) => [text(r.label, { bold: true }), text(r.value.trim() === '' ? '–' : r.value)]),
        },
        layout: 'lightHorizontalLines',
      };
    case 'list':
      return { [b.ordered ? 'ol' : 'ul']: b.items.map((item) => text(item)), style: 'paragraph' };
    case 'notice':
      return {
        style: 'paragraph',
        table: { widths: ['*'], body: [[{ stack: [...(b.title ? [text(b.title, { bold: true })] : []), text(b.text)], margin: [6, 6, 6, 6] }]] },
      };
    case 'signature':
      return { stack: [...b.lines.map((l) => text(l)), ...(b.note ? [text(b.note, { style: 'small', margin: [0, 8, 0, 0] })] : [])], margin: [0, 18, 0, 8], unbreakable: true };
    case 'legalRemedy':
      return { stack: [text(b.heading, { style: 'heading' }), text(b.text, { style: 'paragraph' })], unbreakable: true };
  }
}

function letterheadColumns(input: LayoutInput): PdfContent {
  const l = input.letterhead;
  const contact = [l.phone && `Telefon ${l.phone}`, l.email, l.website].filter((x): x is string => Boolean(x));
  const sender: PdfContent[] = [
    ...(l.logoDataUrl ? [{ image: 'logo', fit: [140, 56], margin: [0, 0, 0, 6] }] : []),
    text(l.officialName, { style: 'sender' }),
    text(`${l.address.street}, ${l.address.postalCode} ${l.address.town}`, { style: 'small' }),
    ...contact.map((c) => text(c, { style: 'small' })),
  ];
  const facts = [
    ['Datum', formatDate(input.issuedAt, 'de')],
    ['Aktenzeichen', input.reference],
    ['Prüfcode', formatShortCode(input.verification.shortCode)],
  ];
  return {
    columns: [
      { width: '*', stack: sender },
      { width: 190, table: { widths: [70, '*'], body: facts.map(([k, v]) => [text(k!, { style: 'small' }), text(v!, { style: 'small', bold: true })]) }, layout: 'noBorders' },
    ],
    columnGap: 12,
  };
}

function colourRule(colour: string | undefined): PdfContent {
  const lineColor = colour && /^#[0-9a-fA-F]{6}$/.test(colour) ? colour : DEFAULT_COLOUR;
  return { canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 2, lineColor }], margin: [0, 10, 0, 16] };
}

function verificationSection(input: LayoutInput): PdfContent {
  const code = formatShortCode(input.verification.shortCode);
  return {
    margin: [0, 24, 0, 0],
    unbreakable: true,
    columns: [
      { width: 92, qr: input.verification.url, fit: 92, eccLevel: 'M' },
      {
        width: '*',
        stack: [
          text('Echtheit prüfen', { bold: true }),
          text('Ob dieses Dokument echt und noch gültig ist, können Sie mit dem QR-Code oder unter der folgenden Adresse prüfen:', { style: 'small' }),
          text(input.verification.url, { style: 'small' }),
          text(`Prüfcode: ${code}`, { style: 'small', bold: true }),
        ],
      },
    ],
    columnGap: 12,
  };
}

/** Builds the pdfmake definition of a document on the tenant's letterhead. */
export function layoutDocument(input: LayoutInput): PdfDocumentDefinition {
  const { letterhead, content } = input;
  const code = formatShortCode(input.verification.shortCode);
  return {
    pageSize: 'A4',
    pageMargins: [MARGIN_X, 48, MARGIN_X, 64],
    language: 'de-DE',
    displayTitle: true,
    info: { title: input.title, author: letterhead.officialName, subject: `${input.title} – ${input.reference}`, creator: 'Rathaus Cloud', producer: 'Rathaus Cloud (pdfmake)', creationDate: input.issuedAt },
    images: letterhead.logoDataUrl ? { logo: letterhead.logoDataUrl } : {},
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.25 },
    styles: {
      sender: { fontSize: 13, bold: true, margin: [0, 0, 0, 2] },
      small: { fontSize: 8.5 },
      title: { fontSize: 16, bold: true, margin: [0, 8, 0, 12] },
      heading: { fontSize: 11.5, bold: true, margin: [0, 10, 0, 4] },
      paragraph: { margin: [0, 0, 0, 8] },
      addressee: { margin: [0, 0, 0, 18] },
    },
    content: [
      letterheadColumns(input),
      colourRule(letterhead.primaryColor),
      ...(content.addressee?.length ? [{ stack: content.addressee.map((l) => text(l)), style: 'addressee' }] : []),
      text(input.title, { style: 'title' }),
      ...content.blocks.map(block),
      verificationSection(input),
    ],
    footer: (currentPage, pageCount) => ({
      margin: [MARGIN_X, 24, MARGIN_X, 0],
      columns: [text(`${letterhead.officialName} · ${input.reference} · Prüfcode ${code}`, { style: 'small' }), text(`Seite ${currentPage} von ${pageCount}`, { style: 'small', alignment: 'right', width: 80 })],
    }),
  };
}
