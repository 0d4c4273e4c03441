import { describe, expect, it } from 'vitest';
import { contentDisposition } from './content-disposition.js';
import { sanitizeDisplayName } from './display-name.js';

describe('sanitizeDisplayName (T16)', () => {
  it('strips path parts of either separator', () => {
    expect(sanitizeDisplayName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeDisplayName('C:\\Users\\Anna\\Gewerbe.pdf')).toBe('Gewerbe.pdf');
    expect(sanitizeDisplayName('/var/www/../.htaccess')).toBe('htaccess');
  });

  it('removes NUL and other control characters', () => {
    expect(sanitizeDisplayName('rechnung.pdf\u0000.exe')).toBe('rechnung.pdf.exe');
    expect(sanitizeDisplayName('a\r\nSet-Cookie: x.pdf')).toBe('aSet-Cookie_ x.pdf');
    expect(sanitizeDisplayName('\u001b[31mrot.pdf\u0085')).toBe('[31mrot.pdf');
  });

  it('removes right-to-left overrides and invisible characters that disguise the real ending', () => {
    expect(sanitizeDisplayName('Rechnung\u202Efdp.exe')).toBe('Rechnungfdp.exe');
    expect(sanitizeDisplayName('a\u2066b\u2069c\u200b\ufeff.pdf')).toBe('abc.pdf');
  });

  it('keeps umlauts and other letters, composed (NFC)', () => {
    expect(sanitizeDisplayName('Grundriss Küche – Straße ÄÖÜ.pdf')).toBe('Grundriss Küche – Straße ÄÖÜ.pdf');
    expect(sanitizeDisplayName('Ku\u0308che.pdf')).toBe('Küche.pdf');
    expect(sanitizeDisplayName('Zaświadczenie_Łódź.pdf')).toBe('Zaświadczenie_Łódź.pdf');
  });

  it('limits to 200 characters (not UTF-16 units) and keeps the ending', () => {
    const long = `${'ü'.repeat(150)}${'😀'.repeat(150)}.pdf`;
    const name = sanitizeDisplayName(long);
    expect([...name]).toHaveLength(200);
    expect(name.endsWith('😀.pdf')).toBe(true);
    expect(name.startsWith('ü'.repeat(150))).toBe(true);
  });

  it('replaces characters Windows forbids and falls back when nothing is left', () => {
    expect(sanitizeDisplayName('a<b>c:"d"|e?*.pdf')).toBe('a_b_c__d__e__.pdf');
    expect(sanitizeDisplayName('../..')).toBe('Datei');
    expect(sanitizeDisplayName(undefined)).toBe('Datei');
    expect(sanitizeDisplayName('\u202e\u0000 ')).toBe('Datei');
  });
});

describe('contentDisposition (RFC 6266)', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('Grundriss Küche.pdf')).toBe(`attachment; filename="Grundriss Kueche.pdf"; filename*=UTF-8''Grundriss%20K%C3%BCche.pdf`);
    expect(contentDisposition('Straße.pdf', { inline: true })).toBe(`inline; filename="Strasse.pdf"; filename*=UTF-8''Stra%C3%9Fe.pdf`);
  });

  it('cannot be broken out of: quotes, backslashes, percent signs and apostrophes are encoded', () => {
    const header = contentDisposition(`a"; filename=evil.exe; x="\\'%41(1).pdf`);
    expect(header).toBe(`attachment; filename="a_; filename=evil.exe; x=__'_41(1).pdf"; filename*=UTF-8''a%22%3B%20filename%3Devil.exe%3B%20x%3D%22%5C%27%2541%281%29.pdf`);
    expect(contentDisposition('数据.pdf')).toBe(`attachment; filename="__.pdf"; filename*=UTF-8''%E6%95%B0%E6%8D%AE.pdf`);
  });
});
