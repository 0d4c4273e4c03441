/**
 * Polls a condition until it holds, for tests that wait on a real worker or server; fails with
 * a clear message instead of hanging when the condition is never reached.
 */

/** Resolves once `check()` is true; throws after `ms` milliseconds. */
export async function waitFor(check: () => Promise<boolean>, ms = 20_000, what = 'condition'): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} not reached within ${ms} ms`);
}
