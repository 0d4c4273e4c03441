import { describe, expect, it } from 'vitest';
import { normalizePlate, readPlates } from './number-plates.js';

describe('number plates of vehicles already parked', () => {
  it('takes German plates in any common spelling and writes them the one way', () => {
    expect(normalizePlate('l ab 1234')).toBe('L-AB 1234');
    expect(normalizePlate('L-AB1234')).toBe('L-AB 1234');
    expect(normalizePlate('WUR-X 7')).toBe('WUR-X 7');
    expect(normalizePlate('grm xy 99e')).toBe('GRM-XY 99E');
    expect(normalizePlate('Lö-A 12h')).toBe('LÖ-A 12H');
  });

  it('refuses what no German plate can be: no separator, a leading zero, more than eight characters', () => {
    expect(normalizePlate('LAB1234')).toBeUndefined();
    expect(normalizePlate('L-AB 0123')).toBeUndefined();
    expect(normalizePlate('GRM-XY 1234')).toBeUndefined();
    expect(normalizePlate('XYZ')).toBeUndefined();
  });

  it('takes foreign plates with their country code in front', () => {
    expect(normalizePlate('pl: dw 12345')).toBe('PL: DW 12345');
    expect(normalizePlate('CZ:1A2 3456')).toBe('CZ: 1A2 3456');
    expect(normalizePlate('D: L-AB 1')).toBeUndefined();
  });

  it('reads one per line or separated by commas, drops repeats, and names the field in the error', () => {
    expect(readPlates('L-AB 1234\n\nl ab 1234, PL: DW 12345; WUR-X 7')).toEqual({ plates: ['L-AB 1234', 'PL: DW 12345', 'WUR-X 7'] });
    expect(readPlates('')).toEqual({ plates: [] });
    const bad = readPlates('L-AB 1234\nirgendwas');
    expect('error' in bad && bad.error.de).toBe('Bei „Kennzeichen bereits parkender Fahrzeuge“ ist „irgendwas“ kein gültiges Kennzeichen. Bitte schreiben Sie deutsche Kennzeichen wie L-AB 1234 und ausländische mit Länderkürzel, z. B. PL: DW 12345.');
    const many = readPlates(Array.from({ length: 31 }, (_, i) => `L-A ${i + 1}`).join('\n'));
    expect('error' in many && many.error.de).toBe('Bei „Kennzeichen bereits parkender Fahrzeuge“ können Sie höchstens 30 Kennzeichen angeben.');
  });
});
