import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadServiceDefinitionFile, summarizeAnswers, type JsonObject } from '../index.js';

const umzug = loadServiceDefinitionFile('test/fixtures/services/umzugsmeldung.json');
const now = new Date('2026-03-05T09:00:00Z');
const data = { ...(JSON.parse(fs.readFileSync('test/fixtures/answers/umzugsmeldung.json', 'utf8')) as JsonObject), movesWithOthers: false };

describe('summarizeAnswers', () => {
  it('lists visible answers page by page, with change anchors', () => {
    const sections = summarizeAnswers(umzug, data, 'de', { now });
    expect(sections.map((s) => s.title)).toEqual(['Angaben zu Ihrer Person', 'Ihre neue Wohnung', 'Ihre bisherige Wohnung', 'Weitere Personen', 'Nachweise']);
    expect(sections[0]?.rows.map((r) => [r.label, r.lines, r.answered])).toEqual([
      ['Ihr Name', ['Anna Müller'], true],
      ['Geburtsdatum', ['1. Juni 1985'], true],
      ['E-Mail-Adresse', ['Keine Angabe'], false],
      ['Telefonnummer (für Rückfragen)', ['Keine Angabe'], false],
    ]);
    expect(sections[1]?.rows[0]).toMatchObject({ lines: ['Markt 1', '04808 Wurzen'], pageId: 'new-home', anchor: 'field-newAddress-street' });
    expect(sections[3]?.rows.map((r) => r.fieldId)).toEqual(['movesWithOthers']);
    expect(sections[4]?.rows[0]?.lines).toEqual(['Bestätigung.pdf (39 KB)']);
  });

  it('speaks English too', () => {
    expect(summarizeAnswers(umzug, data, 'en', { now })[1]?.rows[1]?.lines).toEqual(['1 March 2026']);
  });
});
