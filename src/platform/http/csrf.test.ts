import { describe, expect, it } from 'vitest';
import { csrfTokenFor, csrfTokenMatches } from './csrf.js';

describe('csrf tokens', () => {
  const secret = 'x'.repeat(40);

  it('accepts the token of the same binding only', () => {
    const token = csrfTokenFor(secret, 'session:abc');
    expect(csrfTokenMatches(secret, 'session:abc', token)).toBe(true);
    expect(csrfTokenMatches(secret, 'session:abd', token)).toBe(false);
    expect(csrfTokenMatches('y'.repeat(40), 'session:abc', token)).toBe(false);
  });

  it('refuses missing, empty and non-string tokens', () => {
    expect(csrfTokenMatches(secret, 'a', undefined)).toBe(false);
    expect(csrfTokenMatches(secret, 'a', '')).toBe(false);
    expect(csrfTokenMatches(secret, 'a', ['x'])).toBe(false);
  });
});
