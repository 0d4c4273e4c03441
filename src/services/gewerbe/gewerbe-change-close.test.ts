/**
 * GewA2 and GewA3 through the real submission path, after a GewA1: a move within Wurzen changes
 * the register entry and keeps its history, a deregistration closes it; both are confirmed
 * without a human and transmitted (the deregistration of a registered business also to the
 * register court). Plus what the applicant is told on the check page before submitting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, berlinDateOf } from '../../platform/calendar/calendar-date.js';
import { waitFor } from '../../../test/support/wait-for.js';
import type { JsonObject } from '../../definitions/core/json.js';
import { allServicePackages } from '../../service-packages.js';
import { applyTransition } from '../../modules/cases/apply-transition.js';
import { buildCaseEngine } from '../../modules/cases/case-engine-wiring.js';
import { loadGewerbeSettings, saveGewerbeSettings } from './settings.js';
import { gewerbePreSubmitCheck } from './pre-submit.js';
import { hairdresserAnswers, onlyFieldsOf, submitGewerbe, webDesignerAnswers, type SubmittedGewerbe } from './testing/gewerbe-answers.js';
import { startGewerbeHarness, type GewerbeHarness } from './testing/gewerbe-harness.js';

describe('Gewerbe-Ummeldung and -Abmeldung end to end', () => {
  let h: GewerbeHarness;
  const registry = allServicePackages().registry;
  const definition = (id: string) => registry.get(id, 1)!;
  const today = berlinDateOf(new Date());

  beforeAll(async () => {
    h = await startGewerbeHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const closed = async (c: SubmittedGewerbe) => waitFor(async () => (await h.caseRow(c)).state === 'closed', 30_000, `${c.reference} closed`);
  const entryOf = (holder: string) => h.ctx.db.withTenant(h.wurzen.id, (trx) => trx.selectFrom('gewerbe_register_entries').selectAll().where('holder_name', '=', holder).executeTakeFirstOrThrow());

  it('moves the business within Wurzen (GewA2) and deregisters it (GewA3): the entry changes, keeps its history and closes', async () => {
    const { ctx, wurzen } = h;
    const registered: Record<string, unknown> = { ...webDesignerAnswers(), name: { given: 'Greta', family: 'Weiß' }, email: 'greta@example.org', startDate: addDays(today, 1) };
    const first = await submitGewerbe(ctx.app, ctx.db, wurzen, 'gewerbe-anmeldung', registered);
    await closed(first);

    const newPremises = { street: 'Markt', houseNumber: '20', postalCode: '04808', town: 'Wurzen', country: 'DE' };
    const move = onlyFieldsOf(definition('gewerbe-ummeldung'), { ...registered, changeReasons: ['relocation'], changeDate: today, previousAddress: registered.businessAddress, businessAddress: newPremises });
    const change = await submitGewerbe(ctx.app, ctx.db, wurzen, 'gewerbe-ummeldung', move);
    await closed(change);
    expect((await h.findings(change)).filter((f) => f.severity !== 'info')).toEqual([]);
    expect(await entryOf('Greta Weiß')).toMatchObject({ status: 'active', street: 'Markt', house_number: '20', version: 2 });
    expect(await h.deliveredTo(change)).toEqual(['dguv', 'finanzamt', 'ihk']);
    expect(h.xmlFor(change, 'ihk')).toContain('<xga:ummeldung>');
    expect(h.xmlFor(change, 'ihk')).toContain('<xga:strasse>Markt</xga:strasse>');
    expect(await (await h.receiptText(change))).toContain('Gewerbeummeldung (GewA 2)');

    const close = onlyFieldsOf(definition('gewerbe-abmeldung'), { ...registered, businessAddress: newPremises, closeDate: today, reason: 'complete', closureCause: 'economic' });
    const end = await submitGewerbe(ctx.app, ctx.db, wurzen, 'gewerbe-abmeldung', close);
    await closed(end);
    const entry = await entryOf('Greta Weiß');
    expect(entry).toMatchObject({ status: 'closed', closed_on: today });
    const history = await ctx.db.withTenant(wurzen.id, (trx) => trx.selectFrom('gewerbe_register_history').select(['kind', 'case_id']).where('entry_id', '=', entry.id).orderBy('seq').execute());
    expect(history).toEqual([
      { kind: 'registered', case_id: first.caseId },
      { kind: 'changed', case_id: change.caseId },
      { kind: 'deregistered', case_id: end.caseId },
    ]);
    expect(await h.deliveredTo(end)).toEqual(['dguv', 'finanzamt', 'ihk']);
    const xml = h.xmlFor(end, 'ihk');
    expect(xml).toContain('<xga:abmeldung>');
    expect(xml).toContain(`<xga:gewerbebetriebID>${entry.id}</xga:gewerbebetriebID>`);
  });

  it('sends the deregistration of a registered business to the register court too', async () => {
    const { ctx, wurzen } = h;
    const merchant = { ...webDesignerAnswers(), name: { given: 'Paul', family: 'Krüger' }, email: 'paul@example.org', legalForm: 'registered-merchant', companyName: 'Krüger Webdesign e.K.', registerCourt: 'U1206', registerNumber: 'HRA 4711', businessAddress: { street: 'Torgauer Straße', houseNumber: '7', postalCode: '04808', town: 'Wurzen', country: 'DE' } };
    await closed(await submitGewerbe(ctx.app, ctx.db, wurzen, 'gewerbe-anmeldung', merchant));
    const end = await submitGewerbe(ctx.app, ctx.db, wurzen, 'gewerbe-abmeldung', onlyFieldsOf(definition('gewerbe-abmeldung'), { ...merchant, closeDate: today, reason: 'handover', successor: 'Neue Webdesign GmbH' }));
    await closed(end);
    expect(await h.deliveredTo(end)).toEqual(['dguv', 'finanzamt', 'ihk', 'registergericht']);
    const court = h.xmlFor(end, 'registergericht');
    expect(court).toContain('<xga:eintragungNr>4711</xga:eintragungNr>');
    // § 3 GewAnzV: the register court gets no place or country of birth, nationality, business kind or employees on a GewA3 (fields 8–10, 21, 22).
    expect(court).toContain('<xga:geburtsdatum>');
    for (const withheld of ['geburtsort', 'geburtsland', 'staatangehoerigkeiten', 'betriebArt', 'anzahlVollzeitBeschaeftigte']) expect(court, withheld).not.toContain(`xga:${withheld}`);
  });

  it('informs the customs administration only when a caseworker recorded indications of undeclared work', async () => {
    const { ctx, wurzen } = h;
    await ctx.db.withTenant(wurzen.id, async (trx) => {
      const settings = await loadGewerbeSettings(trx, wurzen.id);
      await saveGewerbeSettings(trx, wurzen.id, { ...settings, recipients: { ...settings.recipients, zoll: { ...settings.recipients!.zoll!, waived: false } } }, new Date());
    });
    const engine = buildCaseEngine({ db: ctx.db, queue: ctx.queue, packages: allServicePackages(), storage: ctx.storage });
    const submitForReview = async (given: string) => {
      const c = await submitGewerbe(ctx.app, ctx.db, wurzen, 'gewerbe-anmeldung', { ...hairdresserAnswers(), name: { given, family: 'Schere' }, email: `${given.toLowerCase()}@example.org` });
      await waitFor(async () => (await h.caseRow(c)).state === 'in-review', 30_000, 'review');
      return c;
    };
    const confirm = async (c: SubmittedGewerbe) =>
      applyTransition(engine, { tenantId: wurzen.id, caseId: c.caseId, transitionId: 'confirm', actor: { kind: 'caseworker' }, expectedVersion: (await h.caseRow(c)).version, now: new Date() });

    const plain = await submitForReview('Karl');
    await confirm(plain);
    expect(await h.deliveredTo(plain)).toEqual(['dguv', 'finanzamt', 'hwk']);

    const flagged = await submitForReview('Kurt');
    await applyTransition(engine, { tenantId: wurzen.id, caseId: flagged.caseId, transitionId: 'flag-customs', actor: { kind: 'caseworker' }, expectedVersion: (await h.caseRow(flagged)).version, input: { reason: 'Mitarbeitende ohne Anmeldung beobachtet' }, now: new Date() });
    await confirm(flagged);
    expect(await h.deliveredTo(flagged)).toEqual(['dguv', 'finanzamt', 'hwk', 'zoll']);
  });

  it('tells the applicant before submitting who is informed and what they must do themselves', async () => {
    const { ctx, wurzen } = h;
    const notices = await ctx.db.withTenant(wurzen.id, (trx) => gewerbePreSubmitCheck('gewerbe-anmeldung')(trx, { tenantId: wurzen.id, data: hairdresserAnswers() as JsonObject, now: new Date() }));
    const text = notices.notices.map((n) => n.de).join('\n');
    expect(notices.errors).toEqual([]);
    expect(text).toContain('Handwerkskammer');
    expect(text).toContain('Finanzamt');
    expect(text).not.toContain('Industrie- und Handelskammer');
    expect(text).toContain('ELSTER');
    expect(text).toContain('„Friseur“ ist ein zulassungspflichtiges Handwerk');
    const outside = await ctx.db.withTenant(wurzen.id, (trx) =>
      gewerbePreSubmitCheck('gewerbe-anmeldung')(trx, { tenantId: wurzen.id, data: { ...webDesignerAnswers(), businessAddress: { street: 'Markt', houseNumber: '1', postalCode: '04109', town: 'Leipzig', country: 'DE' } } as JsonObject, now: new Date() }),
    );
    expect(outside.notices.map((n) => n.de).join('\n')).toContain('liegt nicht im Gebiet dieser Gemeinde');
  });
});
