/**
 * Names staff read instead of ids: services (from the catalogue, else the id), workflow states
 * (the staff name in the case's service version, else the id) and colleagues (display names of
 * the municipality's staff). Loaded once per request from small platform tables and the loaded
 * workflows; a case whose service version has no workflow loaded still shows, with raw ids.
 */
import type { Kysely } from 'kysely';
import { pick, type Locale } from '../../platform/i18n/i18n.js';
import type { DB, Localized } from '../../platform/db/schema.js';
import type { ServiceRuntimes } from '../cases/case-engine.js';
import type { Workflow, WorkflowState } from '../../definitions/workflow/workflow-schema.js';

export interface StateOption {
  id: string;
  name: string;
  terminal: boolean;
}

export interface CaseLabels {
  locale: Locale;
  serviceName(serviceId: string): string;
  /** The workflow of a service version, if one is loaded. */
  workflow(serviceId: string, version: number): Workflow | undefined;
  stateName(serviceId: string, version: number, state: string): string;
  /** The services with published versions, by name. */
  services: { id: string; name: string }[];
  /** Every state of the loaded workflows (first name wins when services share an id). */
  states: StateOption[];
  /** A state's name across services (for tabs that count all services together). */
  anyStateName(state: string): string;
}

/** Loads the labels for one request (`db` may be a transaction: on PGlite a second connection would wait for it). */
export async function loadCaseLabels(db: Kysely<DB>, runtimes: ServiceRuntimes, locale: Locale): Promise<CaseLabels> {
  const [catalogue, versions] = await Promise.all([
    db.selectFrom('catalog_services').select(['id', 'name']).execute(),
    db.selectFrom('service_versions').select(['service_id', 'version']).orderBy('service_id').orderBy('version', 'desc').execute(),
  ]);
  const names = new Map<string, Localized>(catalogue.map((c) => [c.id, c.name]));
  const serviceName = (id: string) => {
    const name = names.get(id);
    return name ? pick(name, locale) : id;
  };
  const states = new Map<string, StateOption>();
  for (const v of versions) {
    for (const s of runtimes.get(v.service_id, v.version)?.workflow.states ?? []) {
      if (!states.has(s.id)) states.set(s.id, { id: s.id, name: pick(s.staffName, locale), terminal: s.terminal === true });
    }
  }
  const stateOf = (serviceId: string, version: number, state: string): WorkflowState | undefined =>
    runtimes.get(serviceId, version)?.workflow.states.find((s) => s.id === state);
  const serviceIds = [...new Set(versions.map((v) => v.service_id))];
  return {
    locale,
    serviceName,
    workflow: (serviceId, version) => runtimes.get(serviceId, version)?.workflow,
    stateName(serviceId, version, state) {
      const s = stateOf(serviceId, version, state);
      return s ? pick(s.staffName, locale) : (states.get(state)?.name ?? state);
    },
    services: serviceIds.map((id) => ({ id, name: serviceName(id) })).sort((a, b) => a.name.localeCompare(b.name, locale)),
    states: [...states.values()],
    anyStateName: (state) => states.get(state)?.name ?? state,
  };
}

export interface StaffMember {
  id: string;
  name: string;
}

/** The municipality's staff (active accounts with a role there), by name. */
export async function findTenantStaff(db: Kysely<DB>, tenantId: string): Promise<StaffMember[]> {
  const rows = await db
    .selectFrom('staff_memberships as m')
    .innerJoin('staff_users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.display_name'])
    .where('m.tenant_id', '=', tenantId)
    .where('u.disabled', '=', false)
    .orderBy('u.display_name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name }));
}

/** Display names of staff accounts by id (for assignees and event actors, including former staff). */
export async function findStaffNames(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('staff_users').select(['id', 'display_name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
