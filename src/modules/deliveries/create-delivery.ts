/**
 * Creating delivery items (transactional outbox): the procedure builds the payload and stores it
 * in file storage first ({@link storeDeliveryPayload}); then, inside the business transaction,
 * {@link createDelivery} writes the item, its `delivery.queued` event and the send job. The item
 * and its job exist exactly when the business transaction commits — a rollback leaves neither
 * (only an unreferenced payload file, which no one can reach).
 */
import { Readable } from 'node:stream';
import type { ActorKind } from '../../platform/audit/case-events.js';
import type { Trx } from '../../platform/db/database.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { FileStorage } from '../../platform/storage/file-storage.js';
import { newStorageKey } from '../../platform/storage/storage-key.js';
import { recordDeliveryEvent } from './delivery-events.js';
import { enqueueDeliverySend } from './send-delivery-job.js';

/** Where a payload lies and what it is; the item keeps this, never the bytes. */
export interface PayloadReference {
  storageKey: string;
  mediaType: string;
  sha256: string;
  size: number;
  /** The file name recipients see, e.g. `GewA1-WUR-GEW-2026-000123.xml`. */
  filename: string;
}

export interface NewDelivery {
  tenantId: string;
  /** The case the delivery belongs to; null for deliveries of no single case (batches). */
  caseId: string | null;
  /** Who receives it: a stable id (e.g. `ihk`) and the name staff see (e.g. `IHK zu Leipzig`). */
  recipient: { id: string; displayName: string };
  /** The tenant's channel configuration to use (`tenant_delivery_channels.id`). */
  channelId: string;
  payload: PayloadReference;
  /** De-duplicates creation: a second item with the same key is not created (see export sinks). */
  originKey?: string;
  /** When, and who caused it (for the case event); default the system. */
  at: Date;
  actor?: { kind: ActorKind; id?: string | null };
}

/** A programming or configuration error of the caller (unknown channel, malformed reference). */
export class DeliveryInputError extends Error {}

const RECIPIENT_ID = /^[a-z0-9][a-z0-9._-]{0,79}$/;
const MEDIA_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/;
const SHA256 = /^[0-9a-f]{64}$/;

/** A file name without folders or control characters, as recipients will see it. */
export function safeDeliveryFilename(name: string): string {
  const cleaned = name.replace(/[\\/\u0000-\u001f\u007f]+/g, '_').replace(/^\.+/, '').trim().slice(0, 200);
  return cleaned || 'uebermittlung';
}

function checkInput(input: NewDelivery): void {
  const problems: string[] = [];
  if (!RECIPIENT_ID.test(input.recipient.id)) problems.push(`recipient.id "${input.recipient.id}" (lower case, digits, . _ -)`);
  if (input.recipient.displayName.trim() === '' || input.recipient.displayName.length > 200) problems.push('recipient.displayName (1–200 characters)');
  if (!MEDIA_TYPE.test(input.payload.mediaType)) problems.push(`payload.mediaType "${input.payload.mediaType}"`);
  if (!SHA256.test(input.payload.sha256)) problems.push('payload.sha256 (64 hex digits)');
  if (!Number.isInteger(input.payload.size) || input.payload.size < 0) problems.push('payload.size');
  if (problems.length > 0) throw new DeliveryInputError(`Invalid delivery: ${problems.join(', ')}`);
}

/** Stores a payload under a new key of the tenant (purpose `delivery`) and returns its reference. */
export async function storeDeliveryPayload(
  storage: FileStorage,
  tenantId: string,
  content: Buffer,
  meta: { mediaType: string; filename: string },
): Promise<PayloadReference> {
  const { key } = newStorageKey(tenantId, 'delivery');
  const stored = await storage.put(key, Readable.from([content]));
  return { storageKey: key, mediaType: meta.mediaType, sha256: stored.sha256, size: stored.size, filename: safeDeliveryFilename(meta.filename) };
}

/** The id of the tenant's item created with this origin key, if any. */
export async function findDeliveryByOrigin(trx: Trx, tenantId: string, originKey: string): Promise<string | undefined> {
  const row = await trx.selectFrom('deliveries').select('id').where('tenant_id', '=', tenantId).where('origin_key', '=', originKey).executeTakeFirst();
  return row?.id;
}

/**
 * Creates a queued delivery item, its case event and its send job in the caller's tenant
 * transaction; returns the item's id (the existing one when `originKey` was used before).
 */
export async function createDelivery(trx: Trx, queue: JobQueue, input: NewDelivery): Promise<string> {
  checkInput(input);
  const { tenantId } = input;
  const filename = safeDeliveryFilename(input.payload.filename);
  if (input.originKey) {
    const existing = await findDeliveryByOrigin(trx, tenantId, input.originKey);
    if (existing) return existing;
  }
  const channel = await trx
    .selectFrom('tenant_delivery_channels')
    .select(['channel_type', 'options'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', input.channelId)
    .executeTakeFirst();
  if (!channel) throw new DeliveryInputError(`The tenant has no delivery channel "${input.channelId}"`);
  const row = await trx
    .insertInto('deliveries')
    .values({
      tenant_id: tenantId,
      case_id: input.caseId,
      recipient_id: input.recipient.id,
      recipient_name: input.recipient.displayName.trim(),
      channel_id: input.channelId,
      channel_type: channel.channel_type,
      channel_options: JSON.stringify(channel.options),
      origin_key: input.originKey ?? null,
      payload_key: input.payload.storageKey,
      payload_media_type: input.payload.mediaType,
      payload_sha256: input.payload.sha256,
      payload_size: input.payload.size,
      payload_filename: filename,
      status: 'queued',
      next_attempt_at: input.at,
      created_at: input.at,
      updated_at: input.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordDeliveryEvent(trx, tenantId, input.caseId, {
    type: 'delivery.queued',
    at: input.at,
    actorKind: input.actor?.kind ?? 'system',
    actorId: input.actor?.id ?? null,
    data: { deliveryId: row.id, recipientId: input.recipient.id, recipientName: input.recipient.displayName, channelId: input.channelId, filename, sha256: input.payload.sha256 },
  });
  await enqueueDeliverySend(trx, queue, tenantId, row.id);
  return row.id;
}
