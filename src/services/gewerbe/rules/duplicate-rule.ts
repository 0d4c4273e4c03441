/**
 * Duplicates against the Gewerberegister and the open cases (gewerbe.md § 8.3): a registration
 * while the same person already runs an active business at the same address (rather a change),
 * a change or deregistration without an active entry (an old paper case to look up), and the
 * same notification submitted twice. Matching is exact on name and birth date; fuzzy matching
 * stays a caseworker's tool.
 */
import { sql } from 'kysely';
import { defineRule, type RuleLookup } from '../../../definitions/rules/rule.js';
import type { Finding } from '../../../definitions/rules/finding.js';
import { GEWERBE_SERVICE_IDS } from '../service-ids.js';
import { address, fullName, personName, text } from './case-data.js';

/** What the register lookup found for a case. */
export interface RegisterMatches {
  entries: { entryNumber: number; status: 'active' | 'closed'; activity: string; sameAddress: boolean }[];
  openCases: { reference: string }[];
}



/** The `gewerbe.register-matches` lookup: active entries of the person and open cases of the same service and person. */
export const registerMatchesLookup: RuleLookup = async (args, { trx, tenantId }): Promise<RegisterMatches> => {
  const name = String(args.holderName ?? '');
  const birthDate = typeof args.birthDate === 'string' ? args.birthDate : null;
  const entries = await trx
    .selectFrom('gewerbe_register_entries')
    .select(['entry_number', 'status', 'activity', 'street', 'house_number', 'postal_code'])
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'active')
    .where(sql<string>`lower(holder_name)`, '=', name.toLowerCase())
    .where((eb) => eb.or([eb('holder_birth_date', 'is', null), eb('holder_birth_date', '=', birthDate)]))
    .orderBy('entry_number')
    .limit(20)
    .execute();
  const openCases = await trx
    .selectFrom('cases')
    .select('reference')
    .where('tenant_id', '=', tenantId)
    .where('service_id', '=', String(args.serviceId))
    .where('service_id', 'in', [...GEWERBE_SERVICE_IDS])
    .where('id', '!=', String(args.caseId))
    .where('closed_at', 'is', null)
    .where('applicant_name', '=', name)
    .where(sql<string>`data->>'birthDate'`, '=', birthDate ?? '')
    .where(sql<string>`data->>'activity'`, '=', String(args.activity ?? ''))
    .limit(5)
    .execute();
  return {
    entries: entries.map((e) => ({
      entryNumber: e.entry_number,
      status: e.status,
      activity: e.activity,
      sameAddress: e.postal_code === args.postalCode && e.street.toLowerCase() === String(args.street ?? '').toLowerCase() && (e.house_number ?? '') === String(args.houseNumber ?? ''),
    })),
    openCases,
  };
};

/** Registrations and open cases of the same person (see the module comment). */
export const duplicateRule = defineRule<{ serviceId: string; matches: RegisterMatches }>({
  id: 'gewerbe.duplicates',
  name: { de: 'Dubletten im Gewerberegister', en: 'Duplicates in the trade register' },
  legalSource: '§ 14 Abs. 1 GewO',
  async prepare(data, env) {
    // A move within the municipality (GewA2) is matched at the address the entry still has.
    const premises = (env.serviceId === 'gewerbe-ummeldung' ? address(data, 'previousAddress') : undefined) ?? address(data, 'businessAddress');
    const matches = await env.lookup<RegisterMatches>('gewerbe.register-matches', {
      caseId: env.caseId,
      serviceId: env.serviceId,
      holderName: fullName(personName(data)),
      birthDate: text(data, 'birthDate') ?? null,
      activity: text(data, 'activity') ?? '',
      street: premises?.street ?? '',
      houseNumber: premises?.houseNumber ?? '',
      postalCode: premises?.postalCode ?? '',
    });
    return { serviceId: env.serviceId, matches };
  },
  check(_data, ctx): Finding[] {
    const { serviceId, matches } = ctx.prepared;
    const findings: Finding[] = matches.openCases.map((c) => ({
      code: 'gewerbe.duplicate-case',
      severity: 'warning' as const,
      message: { de: `Dieselbe Anzeige liegt bereits als Vorgang ${c.reference} vor.`, en: `The same notification already exists as case ${c.reference}.` },
    }));
    const here = matches.entries.filter((e) => e.sameAddress);
    if (serviceId === 'gewerbe-anmeldung') {
      for (const e of here) {
        findings.push({
          code: 'gewerbe.already-registered',
          severity: 'warning',
          fieldPath: 'businessAddress',
          message: { de: `Die Person hat an dieser Anschrift bereits ein aktives Gewerbe (Registernummer ${e.entryNumber}: ${e.activity}); vermutlich ist eine Ummeldung gemeint.`, en: `The person already runs an active business at this address (register number ${e.entryNumber}: ${e.activity}); probably a change notification is meant.` },
        });
      }
      const elsewhere = matches.entries.length - here.length;
      if (elsewhere > 0) {
        findings.push({ code: 'gewerbe.other-registrations', severity: 'info', message: { de: `Die Person hat ${elsewhere} weitere aktive Gewerbe im Register.`, en: `The person has ${elsewhere} further active businesses in the register.` } });
      }
    } else if (here.length === 0) {
      findings.push({
        code: 'gewerbe.register-entry-missing',
        severity: 'warning',
        fieldPath: 'businessAddress',
        message: { de: 'Im Gewerberegister gibt es für diese Person an dieser Anschrift kein aktives Gewerbe; bitte im Altbestand suchen.', en: 'The trade register has no active business of this person at this address; please search the old records.' },
      });
    }
    return findings;
  },
});
