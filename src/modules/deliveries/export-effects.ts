/**
 * The deliveries part of the workflow's effect sink: `enqueueExport { exporter, recipient? }`.
 *
 * Exports per standard (XGewerbeanzeige, …) are registered by the procedures as
 * {@link ExportBuilder}s. Inside the transition's transaction the handler asks the builder for
 * the case's recipients (tenant configuration and applicability, e.g. HWK only for crafts),
 * builds each recipient's payload, stores it, and creates one delivery item per recipient with
 * {@link createDelivery} — so the items and their send jobs exist exactly when the transition
 * commits. Each item carries an origin key (exporter, case, transition, case version, recipient), so
 * replaying the effect never creates a second item.
 *
 * Building happens in the transaction because the effect contract requires the items to commit
 * with the transition; builders must therefore be fast (typed XML builders are milliseconds).
 * Payload files of a transition that rolls back stay unreferenced in storage.
 */
import type { Trx } from '../../platform/db/database.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { FileStorage } from '../../platform/storage/file-storage.js';
import type { EffectInvocation, EffectSink } from '../../definitions/workflow/effects.js';
import { loadCase, type CaseRow } from '../cases/case-engine.js';
import { createDelivery, findDeliveryByOrigin, storeDeliveryPayload } from './create-delivery.js';

/** A built payload for one recipient. */
export interface ExportPayload {
  bytes: Buffer;
  mediaType: string;
  /** The file name the recipient sees, e.g. `GewA1-WUR-GEW-2026-000123-ihk.xml`. */
  filename: string;
}

/** One recipient of an export and the tenant channel its deliveries use. */
export interface ExportRecipient {
  /** Stable id, e.g. `ihk`, `hwk`, `auslaenderbehoerde` (lower case, digits, `.`, `_`, `-`). */
  id: string;
  displayName: string;
  /** The tenant's channel configuration (`tenant_delivery_channels.id`). */
  channelId: string;
}

/** An export per standard, registered by the procedure that owns it. */
export interface ExportBuilder {
  /** The name workflows use in `enqueueExport.exporter`, e.g. `xgewerbeanzeige`. */
  id: string;
  /** The recipients of this case's export (the tenant's configuration and the case's facts decide). */
  recipients(trx: Trx, caseRow: CaseRow): Promise<ExportRecipient[]>;
  /** The payload for one recipient (only the fields that recipient may receive). */
  build(caseRow: CaseRow, recipient: ExportRecipient, context: { trx: Trx }): Promise<ExportPayload>;
}

/** The export builders by id. */
export interface ExportBuilderRegistry {
  readonly ids: readonly string[];
  get(id: string): ExportBuilder | undefined;
}

/** Builds the registry; an id registered twice is a start-up error. */
export function createExportBuilderRegistry(builders: readonly ExportBuilder[]): ExportBuilderRegistry {
  const byId = new Map<string, ExportBuilder>();
  for (const b of builders) {
    if (byId.has(b.id)) throw new Error(`Export builder "${b.id}" is registered twice`);
    byId.set(b.id, b);
  }
  return { ids: [...byId.keys()], get: (id) => byId.get(id) };
}

/** What the enqueueExport handler needs: the queue, file storage and the registered builders. */
export interface ExportEffectDeps {
  queue: JobQueue;
  storage: FileStorage;
  exporters: ExportBuilderRegistry;
}

/** The origin key of one recipient's item for one export effect. */
export function exportOriginKey(invocation: Pick<EffectInvocation, 'caseId' | 'transitionId' | 'caseVersion'>, exporter: string, recipientId: string): string {
  return `export:${exporter}:${invocation.caseId}:${invocation.transitionId}@${invocation.caseVersion}:${recipientId}`;
}

async function enqueueExport(deps: ExportEffectDeps, trx: Trx, invocation: EffectInvocation): Promise<void> {
  if (invocation.effect.effect !== 'enqueueExport') return;
  const { exporter, recipient: only } = invocation.effect.params;
  // A workflow naming an exporter nobody registered is a deployment error: fail the transition, loudly.
  const builder = deps.exporters.get(exporter);
  if (!builder) throw new Error(`enqueueExport: no export builder "${exporter}" is registered (known: ${deps.exporters.ids.join(', ') || 'none'})`);
  const { tenantId, caseId } = invocation;
  const caseRow = await loadCase(trx, tenantId, caseId, { forUpdate: false });
  const recipients = (await builder.recipients(trx, caseRow)).filter((r) => only === undefined || r.id === only);
  for (const recipient of recipients) {
    const originKey = exportOriginKey(invocation, exporter, recipient.id);
    if (await findDeliveryByOrigin(trx, tenantId, originKey)) continue;
    const built = await builder.build(caseRow, recipient, { trx });
    const payload = await storeDeliveryPayload(deps.storage, tenantId, built.bytes, { mediaType: built.mediaType, filename: built.filename });
    await createDelivery(trx, deps.queue, {
      tenantId,
      caseId,
      recipient: { id: recipient.id, displayName: recipient.displayName },
      channelId: recipient.channelId,
      payload,
      originKey,
      at: invocation.at,
      actor: { kind: invocation.actor.kind, id: invocation.actor.id ?? null },
    });
  }
}

/** The handler of `enqueueExport`, by effect name (for the case engine's effect-handler table). */
export function exportEffectHandlers(deps: ExportEffectDeps): Record<'enqueueExport', (trx: Trx, invocation: EffectInvocation) => Promise<void>> {
  return { enqueueExport: (trx, invocation) => enqueueExport(deps, trx, invocation) };
}

/** An effect sink that handles `enqueueExport` and passes every other effect to `next`. */
export function createExportEffectSink(deps: ExportEffectDeps, next: EffectSink): EffectSink {
  return {
    async run(trx, invocation) {
      if (invocation.effect.effect === 'enqueueExport') await enqueueExport(deps, trx, invocation);
      else await next.run(trx, invocation);
    },
  };
}
