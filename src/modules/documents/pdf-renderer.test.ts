/**
 * The renderer parses each font file once per process and shapes each word once, sharing both
 * between documents (shared-fonts.ts); every document must still come out as if rendered alone.
 */
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/support/pdf-inspection.js';
import { createPdfRenderer } from './pdf-renderer.js';
import { fontParseCount, wordShapeCount } from './shared-fonts.js';

const letter = (name: string) => ({
  content: [
    `Empfangsbescheinigung für ${name}`,
    { text: 'Gewerbe angemeldet – Größe: 12 m², Gebühr 25 €', bold: true },
    { text: 'Hinweis zur Erlaubnispflicht', italics: true },
    { text: 'Rechtsbehelfsbelehrung', bold: true, italics: true },
  ],
});

describe('the PDF renderer', () => {
  it('parses each font once and renders every later document completely', async () => {
    const first = createPdfRenderer();
    await first.render(letter('Jörg Müßig'));
    const parsedAfterFirst = fontParseCount();
    expect(parsedAfterFirst).toBeGreaterThan(0);

    // A second renderer, as another job or route builds one, reuses the parsed fonts too.
    const second = createPdfRenderer();
    const pdfs = await Promise.all([first.render(letter('Ärztin Özdemir')), second.render(letter('Straßenbau Weiß'))]);
    expect(fontParseCount()).toBe(parsedAfterFirst);

    const texts = await Promise.all(pdfs.map((pdf) => pdfText(pdf)));
    expect(texts[0]).toContain('Empfangsbescheinigung für Ärztin Özdemir');
    expect(texts[1]).toContain('Empfangsbescheinigung für Straßenbau Weiß');
    for (const text of texts) {
      expect(text).toContain('Gewerbe angemeldet – Größe: 12 m², Gebühr 25 €');
      expect(text).toContain('Hinweis zur Erlaubnispflicht');
      expect(text).toContain('Rechtsbehelfsbelehrung');
    }
  });

  it('lays out a document from shaped words exactly as from freshly shaped ones', async () => {
    const renderer = createPdfRenderer();
    // Words no other test renders, so the first document shapes every one of them.
    const unique = `Kennung${Date.now().toString(36)}`;
    const definition = () =>
      ({
        info: { creationDate: new Date('2026-01-01T00:00:00Z') },
        compress: false,
        content: [
          `Gewerbe ${unique} in Straße ${unique}-Süd`,
          { text: `Fett ${unique} Ligaturen ffi fl`, bold: true },
          { text: `Kerning AVATAR To Wa ${unique}`, italics: true, fontSize: 14 },
        ],
      }) as unknown as Parameters<typeof renderer.render>[0];
    const shapedBefore = wordShapeCount();
    const fresh = await renderer.render(definition());
    const shapedByFirst = wordShapeCount() - shapedBefore;
    expect(shapedByFirst).toBeGreaterThan(0);

    const fromCache = await renderer.render(definition());
    expect(wordShapeCount() - shapedBefore).toBe(shapedByFirst);
    // Uncompressed and with a fixed date, two renderings of one definition are the same bytes.
    expect(fromCache.equals(fresh)).toBe(true);
  });
});

