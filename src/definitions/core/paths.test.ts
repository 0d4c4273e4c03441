import { describe, expect, it } from 'vitest';
import { fromJsonPointer, inputId, joinPath, splitPath, toJsonPointer } from './paths.js';

describe('data paths', () => {
  it('splits and joins the one notation', () => {
    expect(splitPath('managers[0].name.given')).toEqual(['managers', 0, 'name', 'given']);
    expect(joinPath(['managers', 0, 'name', 'given'])).toBe('managers[0].name.given');
  });

  it('converts to and from JSON Pointer for API clients and Ajv', () => {
    expect(toJsonPointer('managers[0].name.given')).toBe('/managers/0/name/given');
    expect(fromJsonPointer('/managers/0/name/given')).toBe('managers[0].name.given');
    expect(fromJsonPointer('')).toBe('');
  });

  it('gives collision-free HTML ids', () => {
    expect(inputId('managers[0].name.given')).toBe('field-managers-0-name-given');
    expect(inputId('applicant.address.postalCode')).toBe('field-applicant-address-postalCode');
    expect(inputId('a[1].b')).not.toBe(inputId('a.b1'));
  });
});
