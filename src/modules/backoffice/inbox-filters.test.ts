import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './inbox-cursor.js';
import { DEFAULT_FILTERS, inboxUrl, parseInboxQuery, returnToInbox } from './inbox-filters.js';
import { referencePrefix, searchWords } from './search-terms.js';

const ID = '0b6f3a52-1c2d-4e5f-8a9b-0c1d2e3f4a5b';

describe('parseInboxQuery', () => {
  it('gives the defaults without parameters: open cases, newest first', () => {
    expect(parseInboxQuery({})).toEqual({ request: DEFAULT_FILTERS, errors: [] });
  });

  it('reads every filter', () => {
    const { request, errors } = parseInboxQuery({ leistung: 'gewerbe-anmeldung', stand: 'in-review', zustaendig: ID.toUpperCase(), frist: 'ueberfaellig', hinweise: 'blockierend', sortierung: 'frist', suche: '  Müller  ' });
    expect(errors).toEqual([]);
    expect(request).toEqual({
      service: 'gewerbe-anmeldung',
      state: { kind: 'state', state: 'in-review' },
      assignee: { kind: 'user', userId: ID },
      due: 'ueberfaellig',
      severity: 'blockierend',
      sort: 'frist',
      q: 'Müller',
    });
    expect(parseInboxQuery({ stand: 'abgeschlossen', zustaendig: 'niemand' }).request).toMatchObject({ state: { kind: 'closed' }, assignee: { kind: 'none' } });
  });

  it('drops each bad value and names its parameter in German and English', () => {
    const { request, errors } = parseInboxQuery({ leistung: '../etc', stand: 'Ein Stand', zustaendig: 'chef', frist: 'morgen', hinweise: 'rot', sortierung: 'zufall', suche: 'x'.repeat(201) });
    expect(request).toEqual(DEFAULT_FILTERS);
    expect(errors.map((e) => e.path)).toEqual(['leistung', 'stand', 'zustaendig', 'frist', 'hinweise', 'sortierung', 'suche']);
    expect(errors[1]!.message.de).toContain('„Stand“');
    expect(errors[1]!.message.en).toContain('“State”');
    expect(errors[6]!.message.de).toBe('Der Suchbegriff darf höchstens 200 Zeichen lang sein.');
  });

  it('takes a cursor only for the sort it came from', () => {
    const token = encodeCursor({ sort: 'frist', key: 'infinity', id: ID });
    expect(parseInboxQuery({ sortierung: 'frist', nach: token }).request.page).toEqual({ direction: 'after', cursor: { sort: 'frist', key: 'infinity', id: ID } });
    const wrongSort = parseInboxQuery({ nach: token });
    expect(wrongSort.request.page).toBeUndefined();
    expect(wrongSort.errors.map((e) => e.path)).toEqual(['nach']);
  });
});

describe('cursors', () => {
  it('round-trip, keep microseconds, and refuse anything that is not a timestamp and a UUID', () => {
    const cursor = { sort: 'eingang-neu', key: '2026-11-28 09:00:00.123456+00', id: ID };
    expect(decodeCursor(encodeCursor(cursor), 'eingang-neu')).toEqual(cursor);
    const forge = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    expect(decodeCursor(forge(['eingang-neu', "now()'); drop table cases; --", ID]), 'eingang-neu')).toBeUndefined();
    expect(decodeCursor(forge(['eingang-neu', '2026-11-28 09:00:00+00', 'x']), 'eingang-neu')).toBeUndefined();
    expect(decodeCursor(forge({ a: 1 }), 'eingang-neu')).toBeUndefined();
    expect(decodeCursor('***', 'eingang-neu')).toBeUndefined();
  });
});

describe('inbox URLs', () => {
  it('keep the filters that differ from the defaults, and only known parameters on the way back', () => {
    const { request } = parseInboxQuery({ stand: 'alle', suche: 'a&b' });
    expect(inboxUrl('/wurzen/staff/vorgaenge', request)).toBe('/wurzen/staff/vorgaenge?stand=alle&suche=a%26b');
    expect(returnToInbox('wurzen', '?stand=alle&evil=1&frist=x', 'zugewiesen')).toBe('/wurzen/staff/vorgaenge?stand=alle&hinweis=zugewiesen');
    expect(returnToInbox('wurzen', 'https://elsewhere.example/')).toBe('/wurzen/staff/vorgaenge');
  });
});

describe('search terms', () => {
  it('are split at white space and punctuation, lower-cased, with umlauts kept inside words', () => {
    expect(searchWords('Anna  MÜLLER')).toEqual(['anna', 'müller']);
    expect(searchWords('Müller-Lüdenscheidt „Zur Mühle“')).toEqual(['müller', 'lüdenscheidt', 'zur', 'mühle']);
    expect(searchWords("o'brien & !x | y:*")).toEqual(['o', 'brien', 'x', 'y']);
    expect(searchWords('bernd@example.org')).toEqual(['bernd', 'example', 'org']);
    expect(searchWords('a b c d e f g h')).toHaveLength(6);
    expect(searchWords('STRASSE Straße ẞ')).toEqual(['strasse', 'straße', 'ß']);
    expect(searchWords('&& || !!')).toEqual([]);
  });

  it('look like a reference number only as one word of letters, digits, dashes and slashes', () => {
    expect(referencePrefix('wur-gew-2026')).toBe('WUR-GEW-2026');
    expect(referencePrefix('2026-0001')).toBe('2026-0001');
    expect(referencePrefix('Anna')).toBeUndefined();
    expect(referencePrefix('W-')).toBeUndefined();
    expect(referencePrefix('Anna Müller')).toBeUndefined();
    expect(referencePrefix("x' or 1=1")).toBeUndefined();
  });
});
