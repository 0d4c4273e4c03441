/**
 * The fee notice follows the municipality's fee table: fixed amounts per form and trader kind,
 * exemptions by reason. With `autoRelease` it reaches the applicant's status page at once; without
 * it, it waits unreleased for a caseworker; without a fee table there is none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../../../test/support/wait-for.js';
import { addDays, berlinDateOf } from '../../../platform/calendar/calendar-date.js';
import { pdfText } from '../../../../test/support/pdf-inspection.js';
import { loadGewerbeSettings, saveGewerbeSettings, type FeeSettings } from '../settings.js';
import { onlyFieldsOf, submitGewerbe, webDesignerAnswers, type SubmittedGewerbe } from '../testing/gewerbe-answers.js';
import { startGewerbeHarness, type GewerbeHarness } from '../testing/gewerbe-harness.js';
import { allServicePackages } from '../../../service-packages.js';
import { feeFor, traderKind } from './fee-notice.js';

const fees: FeeSettings = {
  enabled: true,
  autoRelease: true,
  amounts: { GewA1: { naturalPerson: 3000, partnership: 3500, legalPerson: 4500 }, GewA2: { naturalPerson: 1700, partnership: 1700, legalPerson: 2500 }, GewA3: { naturalPerson: 1700, partnership: 1700, legalPerson: 2500 } },
  exemptReasons: ['relocation-away'],
  legalBasis: 'SächsVwKG i. V. m. 10. SächsKVZ lfd. Nr. 46 Tarifstelle 2 und der Gebührensatzung der Stadt',
  payment: 'Bitte überweisen Sie den Betrag an die Stadtkasse, IBAN DE00 0000 0000 0000 0000 00, Verwendungszweck: Aktenzeichen.',
  dueDays: 30,
  legalRemedy: 'Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Widerspruch erhoben werden.',
};

describe('fee table', () => {
  it('takes the fixed amount of the form and trader kind, and exempts the listed reasons', () => {
    expect(traderKind({ legalForm: 'sole-trader' })).toBe('naturalPerson');
    expect(traderKind({ legalForm: 'registered-merchant' })).toBe('naturalPerson');
    expect(traderKind({ legalForm: 'ohg' })).toBe('partnership');
    expect(traderKind({ legalForm: 'ug' })).toBe('legalPerson');
    expect(feeFor({ legalForm: 'gmbh' }, 'gewerbe-anmeldung', fees)).toBe(4500);
    expect(feeFor({ legalForm: 'sole-trader' }, 'gewerbe-ummeldung', fees)).toBe(1700);
    expect(feeFor({ legalForm: 'sole-trader', reason: 'relocation-away' }, 'gewerbe-abmeldung', fees)).toBe(0);
    expect(feeFor({ legalForm: 'sole-trader' }, 'gewerbe-anmeldung', { ...fees, enabled: false })).toBeUndefined();
    expect(feeFor({ legalForm: 'sole-trader' }, 'gewerbe-anmeldung', undefined)).toBeUndefined();
  });
});

describe('fee notice in the workflow', () => {
  let h: GewerbeHarness;
  beforeAll(async () => {
    h = await startGewerbeHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const setFees = (value: FeeSettings | undefined) =>
    h.ctx.db.withTenant(h.wurzen.id, async (trx) => {
      const { fees: _old, ...rest } = await loadGewerbeSettings(trx, h.wurzen.id);
      await saveGewerbeSettings(trx, h.wurzen.id, value ? { ...rest, fees: value } : rest, new Date());
    });
  const documents = (c: SubmittedGewerbe) =>
    h.ctx.db.withTenant(h.wurzen.id, (trx) => trx.selectFrom('case_documents').select(['kind', 'released_at']).where('case_id', '=', c.caseId).orderBy('kind').execute());
  const released = async (c: SubmittedGewerbe) => ((await h.ctx.app.inject(`/api/v1/wurzen/status/${c.statusToken}`)).json() as { documents: { title: { de: string }; href: string }[] }).documents;
  const person = (given: string) => ({ ...webDesignerAnswers(), name: { given, family: 'Gebühr' }, email: `${given.toLowerCase()}@example.org` });

  it('releases the fee notice at once where the municipality switched that on', async () => {
    await setFees(fees);
    const c = await submitGewerbe(h.ctx.app, h.ctx.db, h.wurzen, 'gewerbe-anmeldung', person('Anna'));
    await waitFor(async () => (await released(c)).length === 2, 30_000, 'receipt and fee notice released');
    const notice = (await released(c)).find((d) => d.title.de === 'Gebührenbescheid')!;
    const text = (await pdfText((await h.ctx.app.inject(notice.href)).rawPayload)).replace(/\s+/g, ' ');
    for (const expected of ['Gebührenbescheid', '30,00 €', c.reference, 'SächsVwKG', 'Rechtsbehelfsbelehrung', 'Stadtkasse']) expect(text).toContain(expected);
  });

  it('leaves the fee notice for a caseworker’s release otherwise, and makes none without a fee table', async () => {
    await setFees({ ...fees, autoRelease: false });
    const drafted = await submitGewerbe(h.ctx.app, h.ctx.db, h.wurzen, 'gewerbe-anmeldung', person('Bernd'));
    await waitFor(async () => (await documents(drafted)).length === 2, 30_000, 'both documents generated');
    expect((await documents(drafted)).map((d) => [d.kind, d.released_at === null ? 'unreleased' : 'released'])).toEqual([['fee-notice', 'unreleased'], ['receipt', 'released']]);
    expect((await released(drafted)).map((d) => d.title.de)).toEqual(['Empfangsbescheinigung nach § 15 Abs. 1 GewO']);

    await setFees(undefined);
    const free = await submitGewerbe(h.ctx.app, h.ctx.db, h.wurzen, 'gewerbe-anmeldung', person('Clara'));
    await waitFor(async () => (await h.caseRow(free)).state === 'closed', 30_000, 'closed');
    await waitFor(async () => (await documents(free)).length === 1, 30_000, 'receipt generated');
    expect((await documents(free)).map((d) => d.kind)).toEqual(['receipt']);
  });

  it('prints an exempt deregistration as free of charge', async () => {
    await setFees(fees);
    const start = person('Dora');
    const registered = await submitGewerbe(h.ctx.app, h.ctx.db, h.wurzen, 'gewerbe-anmeldung', { ...start, startDate: addDays(berlinDateOf(new Date()), 1) });
    await waitFor(async () => (await h.caseRow(registered)).state === 'closed', 30_000, 'registered');
    const close = onlyFieldsOf(allServicePackages().registry.get('gewerbe-abmeldung', 1)!, { ...start, closeDate: berlinDateOf(new Date()), reason: 'relocation-away', newAddress: { street: 'Markt', houseNumber: '1', postalCode: '04109', town: 'Leipzig', country: 'DE' } });
    const c = await submitGewerbe(h.ctx.app, h.ctx.db, h.wurzen, 'gewerbe-abmeldung', close);
    await waitFor(async () => (await released(c)).length === 2, 30_000, 'receipt and fee notice released');
    const notice = (await released(c)).find((d) => d.title.de === 'Gebührenbescheid')!;
    expect(await pdfText((await h.ctx.app.inject(notice.href)).rawPayload)).toContain('gebührenfrei');
  });
});
