/**
 * Test data for the Gewerbe procedures: complete GewA1 answers with named variants (the web
 * designer in Wurzen, the estate agent, the hairdresser, the minor, the third-country national)
 * and helpers that submit them through the JSON API and wait for the worker, as a citizen's
 * submission runs. Dates are relative to `today` so the forms' date limits hold on any day.
 */
import type { FastifyInstance } from 'fastify';
import { addDays, berlinDateOf } from '../../../platform/calendar/calendar-date.js';
import type { Database } from '../../../platform/db/database.js';

type Answers = Record<string, unknown>;

/** The sole trader who registers a web-design business in Wurzen (no permit, no craft, adult, German). */
export function webDesignerAnswers(now = new Date()): Answers {
  const today = berlinDateOf(now);
  return {
    itinerantTrade: false,
    vendingMachines: false,
    legalForm: 'sole-trader',
    name: { given: 'Jörg', family: 'Müßig-Äbelé' },
    sex: 'male',
    birthDate: '1988-04-12',
    birthPlace: 'Leipzig',
    birthCountry: 'DE',
    nationality: 'DE',
    homeAddress: { street: 'Domplatz', houseNumber: '5', postalCode: '04808', town: 'Wurzen', country: 'DE' },
    phone: '03425 123456',
    email: 'joerg@example.org',
    tradeName: 'Pixelwerk Wurzen',
    establishmentKind: 'main',
    businessAddress: { street: 'Jacobsplatz', houseNumber: '3', postalCode: '04808', town: 'Wurzen', country: 'DE' },
    publicParticipation: false,
    activity: 'Webdesign und Programmierung von Internetseiten',
    wzCode: '62.01',
    sideline: false,
    startDate: addDays(today, 3),
    businessKinds: ['other'],
    fullTimeEmployees: 0,
    partTimeEmployees: 0,
    reason: 'new',
    permitNeeded: 'no',
    truthful: true,
  };
}

/** A real-estate agent (§ 34c GewO) without the permit yet. */
export function estateAgentAnswers(now = new Date()): Answers {
  return {
    ...webDesignerAnswers(now),
    name: { given: 'Sabine', family: 'Grünewald' },
    birthDate: '1979-09-30',
    email: 'sabine@example.org',
    tradeName: 'Grünewald Immobilien',
    businessAddress: { street: 'Markt', houseNumber: '8', postalCode: '04808', town: 'Wurzen', country: 'DE' },
    activity: 'Immobilienmakler: Vermittlung von Wohnungen und Häusern',
    wzCode: '68.31',
    businessKinds: ['trade'],
    permitNeeded: 'yes',
    permitIssued: false,
  };
}

/** A hairdresser (Anlage A HwO) without a Handwerkskarte. */
export function hairdresserAnswers(now = new Date()): Answers {
  return {
    ...webDesignerAnswers(now),
    name: { given: 'Ayşe', family: 'Öztürk' },
    sex: 'female',
    birthDate: '1992-02-17',
    email: 'ayse@example.org',
    tradeName: 'Salon Schnittpunkt',
    businessAddress: { street: 'Badergasse', houseNumber: '2', postalCode: '04808', town: 'Wurzen', country: 'DE' },
    activity: 'Friseur',
    furtherActivities: 'Verkauf von Haarpflegeprodukten\nMake-up-Beratung',
    wzCode: '96.02.1',
    businessKinds: ['craft'],
    partTimeEmployees: 2,
    craftCard: false,
  };
}

/** A 17-year-old who registers a web-design business. */
export function minorAnswers(now = new Date()): Answers {
  const today = berlinDateOf(now);
  const birth = `${Number(today.slice(0, 4)) - 17}-${today.slice(5)}`;
  return { ...webDesignerAnswers(now), name: { given: 'Lena', family: 'Schröter' }, sex: 'female', birthDate: addDays(birth, -30), email: 'lena@example.org' };
}

/** A national of a third country (Chile) without a residence title. */
export function thirdCountryAnswers(now = new Date()): Answers {
  return {
    ...webDesignerAnswers(now),
    name: { given: 'Tibor', family: 'Pick', birthName: 'Rodríguez' },
    birthDate: '1965-10-12',
    birthPlace: 'Santiago',
    birthCountry: 'CL',
    nationality: 'CL',
    email: 'tibor@example.org',
    residenceTitle: false,
  };
}

/** What a submission through the API returned, with the case's id. */
export interface SubmittedGewerbe {
  caseId: string;
  reference: string;
  statusToken: string;
}

/** Submits answers as an API client would and returns the new case. */
export async function submitGewerbe(app: FastifyInstance, db: Database, tenant: { slug: string; id: string }, serviceId: string, answers: Answers): Promise<SubmittedGewerbe> {
  const res = await app.inject({ method: 'POST', url: `/api/v1/${tenant.slug}/services/${serviceId}/applications`, payload: answers });
  if (res.statusCode !== 201) throw new Error(`Submission refused (${res.statusCode}): ${res.body}`);
  const { reference, statusToken } = res.json() as { reference: string; statusToken: string };
  const row = await db.withTenant(tenant.id, (trx) => trx.selectFrom('cases').select('id').where('tenant_id', '=', tenant.id).where('reference', '=', reference).executeTakeFirstOrThrow());
  return { caseId: row.id, reference, statusToken };
}

/** The answers limited to the top-level fields a definition has (GewA2 and GewA3 ask less than GewA1). */
export function onlyFieldsOf(definition: { pages: readonly { fields: readonly { id: string }[] }[] }, answers: Answers): Answers {
  const ids = new Set(definition.pages.flatMap((p) => p.fields.map((f) => f.id)));
  return Object.fromEntries(Object.entries(answers).filter(([key]) => ids.has(key)));
}
