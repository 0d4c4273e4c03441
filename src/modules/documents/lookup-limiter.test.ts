import { describe, expect, it } from 'vitest';
import { createLookupLimiter } from './lookup-limiter.js';

describe('lookup limiter', () => {
  const options = { perClient: 3, overall: 5, windowMs: 60_000, maxClients: 4 };

  it('allows a client its lookups per window, then refuses with the seconds until the window ends', () => {
    const limiter = createLookupLimiter(options);
    for (let i = 0; i < 3; i++) expect(limiter.take('a', 1_000)).toEqual({ allowed: true });
    expect(limiter.take('a', 31_000)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(limiter.take('a', 61_000)).toEqual({ allowed: true });
  });

  it('caps all clients together', () => {
    const limiter = createLookupLimiter(options);
    for (const client of ['a', 'a', 'b', 'b', 'c']) expect(limiter.take(client, 0).allowed).toBe(true);
    expect(limiter.take('d', 0)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(limiter.take('d', 60_000).allowed).toBe(true);
  });

  it('tracks at most maxClients addresses, dropping expired ones first and then the oldest', () => {
    const limiter = createLookupLimiter({ ...options, overall: 1000 });
    for (let i = 0; i < 3; i++) limiter.take('old', 0);
    expect(limiter.take('old', 0).allowed).toBe(false);
    for (const client of ['b', 'c', 'd']) limiter.take(client, 10_000);
    // Full (old, b, c, d): a fifth address evicts the oldest entry, so "old" starts afresh.
    limiter.take('e', 20_000);
    expect(limiter.take('old', 20_000).allowed).toBe(true);
    // Still bounded: "b" was dropped to make room for "old" again, and counts from zero.
    for (let i = 0; i < 3; i++) expect(limiter.take('b', 20_000).allowed).toBe(true);
  });
});
