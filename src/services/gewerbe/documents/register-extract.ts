/**
 * The register extract (Auszug aus dem Gewerberegister): an entry's current state and history on
 * the letterhead, verifiable by its QR code like every document. It is generated on a
 * caseworker's request from the register page and kept as a document of the entry's latest case;
 * the entry reaches the template as a document fact (`registerFactsOf`), read in the generating
 * transaction.
 */
import type { Localized } from '../../../platform/db/schema.js';
import type { Trx } from '../../../platform/db/database.js';
import type { DocumentTemplate } from '../../../modules/documents/document-template.js';
import { findRegisterEntry } from '../register/register-queries.js';

/** The register entry as the extract prints it. */
export interface RegisterFacts {
  entryNumber: number;
  status: 'active' | 'closed';
  holder: string;
  company: string | null;
  tradeName: string | null;
  legalForm: string;
  activity: string;
  wzCode: string | null;
  premises: string;
  startedOn: string;
  closedOn: string | null;
  history: { kind: 'registered' | 'changed' | 'deregistered'; effectiveOn: string; reference: string }[];
}

/** The facts of the register entry a case created, changed or closed (none when it touched none). */
export async function registerFactsOf(trx: Trx, tenantId: string, caseId: string): Promise<Record<string, unknown>> {
  const link = await trx.selectFrom('gewerbe_register_history').select('entry_id').where('tenant_id', '=', tenantId).where('case_id', '=', caseId).executeTakeFirst();
  if (!link) return {};
  const found = await findRegisterEntry(trx, tenantId, link.entry_id);
  if (!found) return {};
  const e = found.entry;
  const facts: RegisterFacts = {
    entryNumber: e.entry_number,
    status: e.status,
    holder: e.holder_name,
    company: e.company_name,
    tradeName: e.trade_name,
    legalForm: e.legal_form,
    activity: e.activity,
    wzCode: e.wz_code,
    premises: `${e.street} ${e.house_number ?? ''}, ${e.postal_code} ${e.town}`.replace(/\s+,/, ','),
    startedOn: e.started_on,
    closedOn: e.closed_on,
    history: found.history.map((h) => ({ kind: h.kind, effectiveOn: h.effective_on, reference: h.reference })),
  };
  return { registerEntry: facts };
}

const KIND = { registered: 'Anmeldung', changed: 'Ummeldung', deregistered: 'Abmeldung' } as const;
const german = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const TITLE: Localized = { de: 'Auszug aus dem Gewerberegister', en: 'Trade register extract' };

/** The register extract template of the Gewerbe services. */
export function registerExtractTemplate(): DocumentTemplate {
  return {
    id: 'register-extract',
    version: 1,
    kind: 'register-extract',
    title: TITLE,
    build(_c, tenant, context) {
      const e = context.facts?.registerEntry as RegisterFacts | undefined;
      if (!e) throw new Error('A register extract needs the case’s register entry (document fact registerEntry)');
      return {
        blocks: [
          { type: 'paragraph', text: `Auszug aus dem Gewerberegister der Gemeinde ${tenant.officialName} (§ 14 GewO), Stand ${german(context.issuedAt.toISOString().slice(0, 10))}.` },
          {
            type: 'keyValue',
            rows: [
              { label: 'Registernummer', value: String(e.entryNumber) },
              { label: 'Status', value: e.status === 'active' ? 'angemeldet' : `abgemeldet zum ${e.closedOn ? german(e.closedOn) : '–'}` },
              { label: 'Gewerbetreibende/r', value: e.holder },
              { label: 'Firma', value: e.company ?? '' },
              { label: 'Geschäftsbezeichnung', value: e.tradeName ?? '' },
              { label: 'Tätigkeit', value: e.activity },
              { label: 'WZ 2008', value: e.wzCode ?? '' },
              { label: 'Betriebsstätte', value: e.premises },
              { label: 'Beginn', value: german(e.startedOn) },
            ],
          },
          { type: 'heading', text: 'Verlauf' },
          { type: 'list', items: e.history.map((h) => `${german(h.effectiveOn)}: ${KIND[h.kind]} (Vorgang ${h.reference})`) },
        ],
      };
    },
  };
}
