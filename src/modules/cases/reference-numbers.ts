/**
 * Reference numbers (Aktenzeichen) per municipality, e.g. `WUR-GEW-2026-000123`. The pattern is
 * tenant data; placeholders: {TENANT} (the tenant's reference code), {SERVICE} (the service's
 * code), {YYYY} (year in Europe/Berlin) and {N…} (the counter, zero-padded to the number of Ns).
 * The counter is per tenant, service code and year, incremented atomically in the caller's
 * transaction, so numbers are unique and gap-free among committed cases.
 */
import type { Trx } from '../../platform/db/database.js';

const berlinYear = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', year: 'numeric' });

export interface ReferenceTenant {
  id: string;
  referenceCode: string;
  referencePattern: string;
}

/** Formats a reference number from its parts. */
export function formatReference(pattern: string, parts: { tenant: string; service: string; year: number; counter: number }): string {
  return pattern
    .replace('{TENANT}', parts.tenant)
    .replace('{SERVICE}', parts.service)
    .replace('{YYYY}', String(parts.year))
    .replace(/\{(N+)\}/, (_m, ns: string) => String(parts.counter).padStart(ns.length, '0'));
}

/** Draws the next reference number inside a tenant-scoped transaction. */
export async function nextReference(trx: Trx, tenant: ReferenceTenant, serviceCode: string, at: Date): Promise<string> {
  const year = Number(berlinYear.format(at));
  const row = await trx
    .insertInto('reference_counters')
    .values({ tenant_id: tenant.id, scope: serviceCode, year, last_value: 1 })
    .onConflict((oc) => oc.columns(['tenant_id', 'scope', 'year']).doUpdateSet((eb) => ({ last_value: eb('reference_counters.last_value', '+', 1) })))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return formatReference(tenant.referencePattern, { tenant: tenant.referenceCode, service: serviceCode, year, counter: Number(row.last_value) });
}
