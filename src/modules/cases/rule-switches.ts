/**
 * Per-tenant switches for the rules and automations of a service (table `tenant_rule_settings`).
 * No row means the service definition's default; a tenant admin's choice is stored as a row and
 * applies to every version of the service that has the same rule or automation id.
 */
import type { Database, Trx } from '../../platform/db/database.js';
import type { ServiceRuntime } from './case-engine.js';

export type SwitchKind = 'rule' | 'automation';

/** The stored choices of one tenant for one service. */
export interface Switches {
  /** The effective state: the stored choice, else the default. */
  isEnabled(kind: SwitchKind, id: string, enabledByDefault: boolean): boolean;
}

/** Loads a tenant's switches for a service inside a tenant-scoped transaction. */
export async function loadSwitches(trx: Trx, tenantId: string, serviceId: string): Promise<Switches> {
  const rows = await trx
    .selectFrom('tenant_rule_settings')
    .select(['kind', 'item_id', 'enabled'])
    .where('tenant_id', '=', tenantId)
    .where('service_id', '=', serviceId)
    .execute();
  const stored = new Map(rows.map((r) => [`${r.kind}:${r.item_id}`, r.enabled]));
  return { isEnabled: (kind, id, enabledByDefault) => stored.get(`${kind}:${id}`) ?? enabledByDefault };
}

export interface SetSwitchCommand {
  tenantId: string;
  serviceId: string;
  kind: SwitchKind;
  itemId: string;
  enabled: boolean;
  /** The tenant admin who switched. */
  staffUserId?: string | null;
  now: Date;
}

/** Stores a tenant admin's choice for one rule or automation (authorisation is the caller's). */
export async function setSwitch(db: Database, cmd: SetSwitchCommand): Promise<void> {
  await db.withTenant(cmd.tenantId, (trx) =>
    trx
      .insertInto('tenant_rule_settings')
      .values({
        tenant_id: cmd.tenantId,
        service_id: cmd.serviceId,
        kind: cmd.kind,
        item_id: cmd.itemId,
        enabled: cmd.enabled,
        updated_at: cmd.now,
        updated_by: cmd.staffUserId ?? null,
      })
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'service_id', 'kind', 'item_id']).doUpdateSet({ enabled: cmd.enabled, updated_at: cmd.now, updated_by: cmd.staffUserId ?? null }),
      )
      .execute(),
  );
}

/** One rule or automation as the tenant admin's settings page shows it. */
export interface SwitchView {
  kind: SwitchKind;
  id: string;
  name: { de: string; en: string };
  enabledByDefault: boolean;
  enabled: boolean;
}

/** The rules and automations of a service version with their effective state for a tenant. */
export async function listSwitches(db: Database, tenantId: string, serviceId: string, runtime: ServiceRuntime): Promise<SwitchView[]> {
  const switches = await db.withTenant(tenantId, (trx) => loadSwitches(trx, tenantId, serviceId));
  const rules = (runtime.ruleSet?.rules ?? []).map(({ rule, enabledByDefault }) => ({ kind: 'rule' as const, id: rule.id, name: rule.name, enabledByDefault }));
  const automations = runtime.workflow.automations.map((a) => ({ kind: 'automation' as const, id: a.id, name: a.name, enabledByDefault: a.enabledByDefault }));
  return [...rules, ...automations].map((s) => ({ ...s, enabled: switches.isEnabled(s.kind, s.id, s.enabledByDefault) }));
}
