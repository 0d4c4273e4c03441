/**
 * One attempt at a delivery, in three steps so that no database transaction stays open while a
 * remote system is slow:
 *
 * 1. claim (transaction, row locked): skip what is delivered, being sent, or not yet due; read
 *    the tenant's CURRENT channel configuration; mark the item `sending` and write the attempt;
 * 2. deliver (no transaction): open the payload from file storage and hand it to the channel;
 * 3. settle (transaction): record the outcome on the item and the attempt, append the case
 *    event, and plan the next attempt with backoff when the failure is retryable.
 *
 * Safe to run any number of times for one item: a delivered item is never sent again, and an
 * item left `sending` by a dead worker is taken over once the mark is stale.
 */
import { randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Selectable } from 'kysely';
import type { Clock } from '../../app.js';
import type { Database, Trx } from '../../platform/db/database.js';
import type { DeliveriesTable } from '../../platform/db/schema.js';
import { StorageNotFoundError, type FileStorage } from '../../platform/storage/file-storage.js';
import type { DeliveryChannelRegistry } from './channels/channel-registry.js';
import { DeliveryError, failureText, isRetryableFailure, type DeliveryChannel, type DeliveryEnvironment, type DeliveryReceipt } from './channels/delivery-channel.js';
import { isDue, isStaleSending, nextAttemptAt } from './delivery-policy.js';
import { recordDeliveryEvent } from './delivery-events.js';
import { findTenantChannel } from './tenant-channels.js';

export type DeliveryRow = Selectable<DeliveriesTable>;

/** Plans a run of the send job for an item, inside the given transaction. */
export type ScheduleDeliveryAttempt = (trx: Trx, tenantId: string, deliveryId: string, startAfter: Date) => Promise<void>;

export interface DeliveryDeps {
  db: Database;
  storage: FileStorage;
  channels: DeliveryChannelRegistry;
  env: DeliveryEnvironment;
  clock: Clock;
  /** Plans the retry job (the send job module wires this to the queue). */
  scheduleAttempt: ScheduleDeliveryAttempt;
}

export type SendOutcome =
  | 'delivered'
  | 'failed-retry-planned'
  | 'failed'
  | 'already-delivered'
  | 'in-progress'
  | 'not-due'
  | 'waiting-for-resend'
  | 'superseded'
  | 'missing';

interface Claimed {
  row: DeliveryRow;
  attempt: number;
  caseReference: string | null;
  channel: DeliveryChannel | DeliveryError;
}

/** Settles an attempt whose worker died (still `sending` after the stale limit) as interrupted. */
export async function markAttemptInterrupted(trx: Trx, tenantId: string, deliveryId: string, attempt: number, now: Date): Promise<void> {
  await trx
    .updateTable('delivery_attempts')
    .set({ outcome: 'interrupted', finished_at: now, error: 'Der Versuch wurde nicht abgeschlossen (Verarbeitung abgebrochen).' })
    .where('tenant_id', '=', tenantId)
    .where('delivery_id', '=', deliveryId)
    .where('attempt', '=', attempt)
    .where('outcome', '=', 'sending')
    .execute();
}

async function claim(trx: Trx, deps: DeliveryDeps, tenantId: string, deliveryId: string, now: Date): Promise<Claimed | SendOutcome> {
  const row = await trx.selectFrom('deliveries').selectAll().where('tenant_id', '=', tenantId).where('id', '=', deliveryId).forUpdate().executeTakeFirst();
  if (!row) return 'missing';
  if (row.status === 'delivered') return 'already-delivered';
  if (row.status === 'sending') {
    if (!isStaleSending(row.sending_since, now)) return 'in-progress';
    await markAttemptInterrupted(trx, tenantId, deliveryId, row.attempts, now);
  } else if (row.next_attempt_at === null) {
    return 'waiting-for-resend';
  } else if (!isDue(row.next_attempt_at, now)) {
    return 'not-due';
  }

  const config = await findTenantChannel(trx, tenantId, row.channel_id);
  let channel: DeliveryChannel | DeliveryError;
  if (!config) channel = new DeliveryError(`Den Übermittlungsweg „${row.channel_id}“ gibt es nicht mehr.`, false);
  else if (!config.enabled) channel = new DeliveryError(`Der Übermittlungsweg „${config.display_name}“ ist abgeschaltet.`, false);
  else {
    try {
      channel = deps.channels.instantiate(config.channel_type, config.options);
    } catch (e) {
      channel = e instanceof DeliveryError ? e : new DeliveryError(failureText(e), false);
    }
  }
  const attempt = row.attempts + 1;
  const channelType = config?.channel_type ?? row.channel_type;
  const claimed = await trx
    .updateTable('deliveries')
    .set({
      status: 'sending',
      sending_since: now,
      attempts: attempt,
      channel_type: channelType,
      channel_options: JSON.stringify(config?.options ?? row.channel_options),
      updated_at: now,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', deliveryId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('delivery_attempts')
    .values({ tenant_id: tenantId, delivery_id: deliveryId, attempt, started_at: now, outcome: 'sending', channel_type: channelType })
    .execute();
  const caseRow = row.case_id
    ? await trx.selectFrom('cases').select('reference').where('tenant_id', '=', tenantId).where('id', '=', row.case_id).executeTakeFirst()
    : undefined;
  return { row: claimed, attempt, caseReference: caseRow?.reference ?? null, channel };
}

async function attemptDelivery(deps: DeliveryDeps, claimed: Claimed): Promise<DeliveryReceipt> {
  if (claimed.channel instanceof DeliveryError) throw claimed.channel;
  const { row } = claimed;
  let payload;
  try {
    payload = await deps.storage.get(row.payload_key);
  } catch (e) {
    if (e instanceof StorageNotFoundError) throw new DeliveryError(`Die Nutzdaten „${row.payload_filename}“ sind nicht mehr gespeichert.`, false, { cause: e });
    throw new DeliveryError(`Die Nutzdaten konnten nicht aus dem Dateispeicher gelesen werden: ${failureText(e)}`, true, { cause: e });
  }
  return claimed.channel.deliver(
    payload,
    {
      tenantId: row.tenant_id,
      deliveryId: row.id,
      caseId: row.case_id,
      caseReference: claimed.caseReference,
      recipient: { id: row.recipient_id, displayName: row.recipient_name },
      payload: { filename: row.payload_filename, mediaType: row.payload_media_type, sha256: row.payload_sha256, size: row.payload_size },
    },
    deps.env,
  );
}

type Result = { ok: true; receipt: DeliveryReceipt } | { ok: false; error: unknown };

async function settle(trx: Trx, deps: DeliveryDeps, claimed: Claimed, result: Result, durationMs: number, now: Date): Promise<SendOutcome> {
  const { row, attempt } = claimed;
  const tenantId = row.tenant_id;
  const attemptRow = trx.updateTable('delivery_attempts').where('tenant_id', '=', tenantId).where('delivery_id', '=', row.id).where('attempt', '=', attempt);
  const base = { channelId: row.channel_id, channelType: row.channel_type, recipientId: row.recipient_id, deliveryId: row.id, attempt };
  // Only the attempt that holds the item settles it; one that was taken over records itself only.
  const item = trx.updateTable('deliveries').where('tenant_id', '=', tenantId).where('id', '=', row.id).where('attempts', '=', attempt).where('status', '=', 'sending');

  if (result.ok) {
    const receipt = JSON.stringify(result.receipt);
    await attemptRow.set({ outcome: 'delivered', finished_at: now, duration_ms: durationMs, receipt }).execute();
    const updated = await item
      .set({ status: 'delivered', delivered_at: now, receipt, last_error: null, next_attempt_at: null, sending_since: null, retry_count: 0, updated_at: now })
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return 'superseded';
    await recordDeliveryEvent(trx, tenantId, row.case_id, { type: 'delivery.delivered', at: now, actorKind: 'system', data: { ...base, receipt: result.receipt } });
    return 'delivered';
  }

  const error = failureText(result.error);
  const retryable = isRetryableFailure(result.error);
  const failedInRound = row.retry_count + 1;
  const retryAt = retryable ? nextAttemptAt(now, failedInRound, randomInt(0, 1000) / 1000) : null;
  await attemptRow.set({ outcome: retryable ? 'retryable-failure' : 'permanent-failure', finished_at: now, duration_ms: durationMs, error }).execute();
  const updated = await item
    .set({ status: 'failed', last_error: error, next_attempt_at: retryAt, retry_count: failedInRound, sending_since: null, updated_at: now })
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) return 'superseded';
  await recordDeliveryEvent(trx, tenantId, row.case_id, {
    type: 'delivery.failed',
    at: now,
    actorKind: 'system',
    data: { ...base, error, retryable, retryAt: retryAt?.toISOString() ?? null },
  });
  if (retryAt) await deps.scheduleAttempt(trx, tenantId, row.id, retryAt);
  return retryAt ? 'failed-retry-planned' : 'failed';
}

/** Makes one attempt at the delivery if it is due; returns what happened. */
export async function sendDelivery(deps: DeliveryDeps, tenantId: string, deliveryId: string): Promise<SendOutcome> {
  const claimed = await deps.db.withTenant(tenantId, (trx) => claim(trx, deps, tenantId, deliveryId, deps.clock.now()));
  if (typeof claimed === 'string') return claimed;
  const started = performance.now();
  let result: Result;
  try {
    result = { ok: true, receipt: await attemptDelivery(deps, claimed) };
  } catch (error) {
    result = { ok: false, error };
  }
  const durationMs = Math.round(performance.now() - started);
  return deps.db.withTenant(tenantId, (trx) => settle(trx, deps, claimed, result, durationMs, deps.clock.now()));
}
