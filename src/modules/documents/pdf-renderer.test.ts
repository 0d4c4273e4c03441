/**
 * The renderer parses each font file once per process and shares the parsed font between
 * documents; every document must still carry its own complete text in each style.
 */
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/support/pdf-inspection.js';
import { createPdfRenderer, fontParseCount } from './pdf-renderer.js';

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
});
