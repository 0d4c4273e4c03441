/**
 * Test support for src/modules/deliveries: a payload with matching meta, an environment on a
 * temporary drop folder, tenant channel configuration and committed deliveries.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createMailTransport, type MailTransport } from '../../src/platform/mail/mail-transport.js';
import type { DeliveryEnvironment, DeliveryMeta } from '../../src/modules/deliveries/channels/delivery-channel.js';
import { createStaticSecrets } from '../../src/modules/deliveries/channels/directory-secrets.js';
import { createDeliveryChannelRegistry } from '../../src/modules/deliveries/channels/channel-registry.js';
import { createDelivery, storeDeliveryPayload } from '../../src/modules/deliveries/create-delivery.js';
import { configureDeliveryChannel, type TenantChannelConfig } from '../../src/modules/deliveries/tenant-channels.js';
import type { Database } from '../../src/platform/db/database.js';
import type { JobQueue } from '../../src/platform/jobs/job-queue.js';
import type { FileStorage } from '../../src/platform/storage/file-storage.js';

/** A payload and the meta a delivery of it would carry. */
export function samplePayload(content = '<?xml version="1.0"?><nachricht>Müller &amp; Söhne</nachricht>', overrides: Partial<DeliveryMeta> = {}) {
  const bytes = Buffer.from(content);
  const meta: DeliveryMeta = {
    tenantId: randomUUID(),
    deliveryId: randomUUID(),
    caseId: randomUUID(),
    caseReference: 'WUR-GEW-2026-000123',
    recipient: { id: 'ihk', displayName: 'IHK zu Leipzig' },
    payload: { filename: 'GewA1.xml', mediaType: 'application/xml', sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length },
    ...overrides,
  };
  return { bytes, meta, stream: () => Readable.from([bytes]) };
}

/** An environment with a fresh temporary drop root; `cleanup` removes it. */
export function testEnvironment(opts: { mail?: MailTransport; secrets?: Record<string, string> } = {}): DeliveryEnvironment & { cleanup(): void } {
  const dropRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'rathaus-drop-'));
  return {
    dropRoot,
    secrets: createStaticSecrets(opts.secrets ?? {}),
    mail: opts.mail ?? createMailTransport({ from: 'noreply@test.invalid' }),
    cleanup: () => fs.rmSync(dropRoot, { recursive: true, force: true }),
  };
}

/** The visible (non-hidden) files below a folder, relative to it. */
export function visibleFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => !path.basename(f).startsWith('.') && fs.statSync(path.join(dir, f)).isFile()).sort();
}

/** All files below a folder, hidden ones included. */
export function allFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
}

/** Creates or replaces a channel configuration of a tenant (checked like an admin's input). */
export async function configureTestChannel(db: Database, tenantId: string, config: TenantChannelConfig, now = new Date()): Promise<void> {
  await db.withTenant(tenantId, (trx) => configureDeliveryChannel(trx, createDeliveryChannelRegistry(), tenantId, config, now));
}

/** Stores a payload and creates a committed delivery of it for the case; returns the delivery id. */
export async function queueTestDelivery(
  ctx: { db: Database; queue: JobQueue; storage: FileStorage },
  tenantId: string,
  caseId: string | null,
  opts: { channelId: string; content?: string; recipient?: { id: string; displayName: string }; at?: Date },
): Promise<string> {
  const payload = await storeDeliveryPayload(ctx.storage, tenantId, Buffer.from(opts.content ?? '<?xml version="1.0"?><GewA1>Jörg Müller</GewA1>'), {
    mediaType: 'application/xml',
    filename: 'GewA1.xml',
  });
  return ctx.db.withTenant(tenantId, (trx) =>
    createDelivery(trx, ctx.queue, {
      tenantId,
      caseId,
      recipient: opts.recipient ?? { id: 'ihk', displayName: 'IHK zu Leipzig' },
      channelId: opts.channelId,
      payload,
      at: opts.at ?? new Date(),
    }),
  );
}

/** The delivery row as stored. */
export async function deliveryRow(db: Database, tenantId: string, deliveryId: string) {
  return db.withTenant(tenantId, (trx) => trx.selectFrom('deliveries').selectAll().where('tenant_id', '=', tenantId).where('id', '=', deliveryId).executeTakeFirstOrThrow());
}

/** The case's events of the given type prefix, oldest first. */
export async function caseEventsOf(db: Database, tenantId: string, caseId: string, prefix = 'delivery.') {
  const rows = await db.withTenant(tenantId, (trx) =>
    trx.selectFrom('case_events').select(['type', 'actor_kind', 'actor_id', 'data']).where('tenant_id', '=', tenantId).where('case_id', '=', caseId).orderBy('seq').execute(),
  );
  return rows.filter((r) => r.type.startsWith(prefix));
}
