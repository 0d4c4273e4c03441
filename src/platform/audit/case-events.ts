/**
 * The case event log: every act on a case is appended as an event, and each tenant's events form
 * a hash chain (hash = SHA-256(prev_hash ‖ canonical JSON of the event)). Appends of one tenant
 * are serialised with a transaction-scoped advisory lock, so the chain never forks.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database, Trx } from '../db/database.js';
import { canonicalJson } from './canonical-json.js';

export type ActorKind = 'citizen' | 'caseworker' | 'system' | 'timer' | 'party';

export interface NewCaseEvent {
  caseId: string;
  at: Date;
  actorKind: ActorKind;
  actorId?: string | null;
  type: string;
  data?: Record<string, unknown>;
}

export interface StoredCaseEvent extends Required<Omit<NewCaseEvent, 'actorId'>> {
  tenantId: string;
  seq: number;
  actorId: string | null;
}

function eventHash(prev: Buffer | null, e: StoredCaseEvent): Buffer {
  const body = canonicalJson({
    tenantId: e.tenantId,
    seq: e.seq,
    caseId: e.caseId,
    at: e.at.toISOString(),
    actorKind: e.actorKind,
    actorId: e.actorId,
    type: e.type,
    data: e.data,
  });
  return createHash('sha256')
    .update(prev ?? Buffer.alloc(0))
    .update(body)
    .digest();
}

/** Appends an event inside the caller's tenant-scoped transaction; returns its sequence number. */
export async function appendCaseEvent(trx: Trx, tenantId: string, event: NewCaseEvent): Promise<number> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`case_events:${tenantId}`}, 0))`.execute(trx);
  const last = await trx
    .selectFrom('case_events')
    .select(['seq', 'hash'])
    .where('tenant_id', '=', tenantId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const stored: StoredCaseEvent = {
    tenantId,
    seq: (last ? Number(last.seq) : 0) + 1,
    caseId: event.caseId,
    // Postgres keeps microseconds, JS milliseconds: store what hashes identically on re-read.
    at: new Date(event.at.getTime()),
    actorKind: event.actorKind,
    actorId: event.actorId ?? null,
    type: event.type,
    data: event.data ?? {},
  };
  const prev = last ? Buffer.from(last.hash) : null;
  await trx
    .insertInto('case_events')
    .values({
      tenant_id: tenantId,
      seq: stored.seq,
      case_id: stored.caseId,
      at: stored.at,
      actor_kind: stored.actorKind,
      actor_id: stored.actorId,
      type: stored.type,
      data: JSON.stringify(stored.data),
      prev_hash: prev,
      hash: eventHash(prev, stored),
    })
    .execute();
  return stored.seq;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** The first event whose hash or link does not match, if any. */
  brokenAt?: { seq: number; caseId: string; reason: 'hash' | 'link' | 'gap' };
}

/** Recomputes a tenant's chain from the first event and reports the first broken link. */
export async function verifyCaseEventChain(db: Database, tenantId: string, batchSize = 5000): Promise<ChainVerification> {
  let prev: Buffer | null = null;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db.withTenant(tenantId, (trx) =>
      trx
        .selectFrom('case_events')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('seq', '>=', expectedSeq)
        .orderBy('seq')
        .limit(batchSize)
        .execute(),
    );
    if (rows.length === 0) return { ok: true, checked };
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expectedSeq) return { ok: false, checked, brokenAt: { seq: expectedSeq, caseId: r.case_id, reason: 'gap' } };
      const storedPrev = r.prev_hash ? Buffer.from(r.prev_hash) : null;
      if ((storedPrev === null) !== (prev === null) || (storedPrev && prev && !storedPrev.equals(prev))) {
        return { ok: false, checked, brokenAt: { seq, caseId: r.case_id, reason: 'link' } };
      }
      const e: StoredCaseEvent = {
        tenantId,
        seq,
        caseId: r.case_id,
        at: r.at,
        actorKind: r.actor_kind,
        actorId: r.actor_id,
        type: r.type,
        data: r.data,
      };
      const hash = eventHash(prev, e);
      if (!hash.equals(Buffer.from(r.hash))) return { ok: false, checked, brokenAt: { seq, caseId: r.case_id, reason: 'hash' } };
      prev = hash;
      expectedSeq = seq + 1;
      checked++;
    }
  }
}
