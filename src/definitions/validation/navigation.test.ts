import { describe, expect, it } from 'vitest';
import { firstPage, loadServiceDefinitionFile, nextPage, pageOfField, pageStep, previousPage, visiblePages } from '../index.js';

const umzug = loadServiceDefinitionFile('test/fixtures/services/umzugsmeldung.json');
const ids = (pages: { id: string }[]) => pages.map((p) => p.id);

describe('page navigation', () => {
  it('shows conditional pages only after the answer that opens them', () => {
    expect(ids(visiblePages(umzug, {}))).toEqual(['person', 'new-home', 'household', 'documents', 'declaration']);
    expect(ids(visiblePages(umzug, { fromAbroad: false }))).toEqual(['person', 'new-home', 'previous-home', 'household', 'documents', 'declaration']);
    expect(ids(visiblePages(umzug, { fromAbroad: true }))).toEqual(['person', 'new-home', 'abroad', 'household', 'documents', 'declaration']);
  });

  it('goes forward and back over the pages shown, ending at "check your answers"', () => {
    const data = { fromAbroad: true };
    expect(firstPage(umzug, data).id).toBe('person');
    expect(nextPage(umzug, 'new-home', data)?.id).toBe('abroad');
    expect(nextPage(umzug, 'abroad', data)?.id).toBe('household');
    expect(previousPage(umzug, 'household', data)?.id).toBe('abroad');
    expect(previousPage(umzug, 'household', { fromAbroad: false })?.id).toBe('previous-home');
    expect(previousPage(umzug, 'person', data)).toBeUndefined();
    expect(nextPage(umzug, 'declaration', data)).toBeUndefined();
  });

  it('counts steps for "Schritt 3 von 6"', () => {
    expect(pageStep(umzug, 'abroad', { fromAbroad: true })).toEqual({ number: 3, total: 6 });
    expect(pageStep(umzug, 'household', {})).toEqual({ number: 3, total: 5 });
    expect(pageStep(umzug, 'abroad', { fromAbroad: false })).toBeUndefined();
  });

  it('finds the page of a field', () => {
    expect(pageOfField(umzug, 'members')?.id).toBe('household');
  });
});
