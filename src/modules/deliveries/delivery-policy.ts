/**
 * When deliveries are tried again. The numbers come from the platform's RETRY_POLICY (8 retries,
 * 30 s doubling to about 64 min), so a recipient's outage of up to two hours heals by itself;
 * a permanent failure stops at once. The schedule is kept on the item itself (`next_attempt_at`),
 * so staff see when the next try happens and a resend starts a fresh round.
 */
import { RETRY_POLICY, type RetryPolicy } from '../../platform/jobs/job.js';

/**
 * An attempt still marked `sending` after this long belongs to a worker that died: the next run
 * takes the item over (channels are idempotent, so a repeat is harmless). Equal to the send
 * job's expiry, after which the job queue itself retries the job.
 */
export const SENDING_STALE_SECONDS = 600;

/** A run this early before `next_attempt_at` still counts as due (clock differences between hosts). */
export const DUE_TOLERANCE_MS = 10_000;

/**
 * When to try again after the `failedAttemptsInRound`-th failed attempt of a round, or null when
 * the round is used up. `jitter` (0…1) spreads retries of many items that failed together.
 */
export function nextAttemptAt(now: Date, failedAttemptsInRound: number, jitter: number, policy: RetryPolicy = RETRY_POLICY): Date | null {
  if (failedAttemptsInRound > policy.retryLimit) return null;
  const base = policy.retryBackoff ? policy.retryDelay * 2 ** (failedAttemptsInRound - 1) : policy.retryDelay;
  const seconds = base * (1 + 0.1 * Math.min(Math.max(jitter, 0), 1));
  return new Date(now.getTime() + Math.round(seconds * 1000));
}

/** True when an item planned for `plannedAt` may be attempted at `now`. */
export function isDue(plannedAt: Date | null, now: Date): boolean {
  return plannedAt !== null && plannedAt.getTime() <= now.getTime() + DUE_TOLERANCE_MS;
}

/** True when a `sending` mark set at `since` is old enough to belong to a dead worker. */
export function isStaleSending(since: Date | null, now: Date): boolean {
  return since === null || now.getTime() - since.getTime() >= SENDING_STALE_SECONDS * 1000;
}
