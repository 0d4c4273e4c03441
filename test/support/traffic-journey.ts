/**
 * The traffic-order form walked through the real runner (HTTP, CSRF, drafts) on the typed-address
 * path, plus a way to run the jobs a submission and a transition queue (rules, automatic steps,
 * documents) the way the worker would.
 */
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { expect } from 'vitest';
import type { Clock } from '../../src/app.js';
import { createMailTransport } from '../../src/platform/mail/mail-transport.js';
import type { JobContext } from '../../src/platform/jobs/job.js';
import { findCaseFindings } from '../../src/modules/cases/evaluate-rules.js';
import { applyTransition } from '../../src/modules/cases/apply-transition.js';
import { buildCaseEngine } from '../../src/modules/cases/case-engine-wiring.js';
import { allServicePackages } from '../../src/service-packages.js';
import { Browser, csrfTokenIn, type TestContext } from './test-app.js';

export const TRAFFIC = 'verkehrsrechtliche-anordnung';

/** The answers of a no-parking zone; override any field by its form name. */
export function hvzAnswers(overrides: Record<string, string> = {}): Record<string, Record<string, string>> {
  const pages: Record<string, Record<string, string>> = {
    'case-type': { caseType: 'HVZ' },
    applicant: {
      applicantKind: 'person',
      'name.given': 'Jörg',
      'name.family': 'Müller-Lüdenscheidt',
      'address.street': 'Teichweg',
      'address.houseNumber': '12',
      'address.postalCode': '04828',
      'address.town': 'Bennewitz',
      phone: '03425 123456',
      email: 'joerg@example.org',
      payerDiffers: 'no',
    },
    'no-parking': { purpose: 'moveOut', signType: '283', 'vehicle.kind': 'Umzugs-Lkw', 'vehicle.lengthMeters': '7,5', alsoUsesFootway: 'no', signProvider: 'self' },
    location: { 'location.geometry': '', 'location.street': 'Teichweg', 'location.houseNumberFrom': '10', 'location.houseNumberTo': '14', 'location.side': 'even', 'location.lengthMeters': '15', affectedParts: 'parkingLane' },
    period: { 'period.from': '', 'period.to': '', 'dailyWindow.from': '07:00', 'dailyWindow.to': '18:00', description: 'Auszug, Umzugswagen 7,5 t' },
    attachments: {},
    declarations: { eNoticeConsent: 'yes', privacyConsent: 'yes', truthful: 'yes' },
  };
  for (const [name, value] of Object.entries(overrides)) {
    const page = Object.entries(pages).find(([, fields]) => name in fields)?.[0];
    if (!page) throw new Error(`No page asks for "${name}"`);
    pages[page]![name] = value;
  }
  return pages;
}

/** The answers of road works with a full closure on the Teichweg (override any field by its form name). */
export function worksAnswers(overrides: Record<string, string> = {}): Record<string, Record<string, string>> {
  const hvz = hvzAnswers();
  const pages: Record<string, Record<string, string>> = {
    'case-type': { caseType: 'BAU' },
    applicant: { ...hvz.applicant!, applicantKind: 'organisation', organisation: 'Glasfaser Muldental GmbH' },
    works: {
      'contractor.name': 'Tiefbau Wurzen GmbH',
      'contractor.address.street': 'Industriestraße',
      'contractor.address.houseNumber': '3',
      'contractor.address.postalCode': '04808',
      'contractor.address.town': 'Wurzen',
      'contractor.phone': '03425 999000',
      client: 'Glasfaser Muldental GmbH',
      'responsiblePerson.name.given': 'Kai',
      'responsiblePerson.name.family': 'Sicher',
      'responsiblePerson.mobile': '0170 1234567',
      siteDuration: 'long',
      workType: 'fibre',
      closureType: 'fullClosure',
      trafficControl: 'none',
      signPlanKind: 'regelplan',
      regelplan: 'B I/15',
      noParkingNeeded: 'no',
      roadPermit: 'withThisApplication',
      accessGuaranteed: 'yes',
      emergencyWork: 'no',
    },
    location: { ...hvz.location!, 'location.lengthMeters': '40', affectedParts: 'carriageway' },
    period: { ...hvz.period!, 'period.from': '11.01.2027', 'period.to': '15.01.2027', description: 'Glasfaser-Hausanschlüsse, Graben über die Fahrbahn' },
    attachments: {},
    declarations: hvz.declarations!,
  };
  for (const [name, value] of Object.entries(overrides)) {
    const page = Object.entries(pages).find(([, fields]) => name in fields)?.[0];
    if (!page) throw new Error(`No page asks for "${name}"`);
    pages[page]![name] = value;
  }
  return pages;
}

/** A draft's pages, posted one after another as a browser would. */
export class TrafficForm {
  constructor(
    readonly browser: Browser,
    readonly draftBase: string,
  ) {}

  /** Opens a new draft of the service in a municipality. */
  static async start(ctx: TestContext, tenant: string): Promise<TrafficForm> {
    const browser = new Browser(ctx.app);
    expect((await browser.get(`/${tenant}/${TRAFFIC}`)).statusCode).toBe(200);
    const created = await browser.post(`/${tenant}/${TRAFFIC}/antrag`, {});
    expect(created.statusCode).toBe(303);
    return new TrafficForm(browser, String(created.headers.location).replace(/\/seite\/[^/]+$/, ''));
  }

  /** Posts one page; returns the response (303 onwards, or 400 with the page again). */
  async post(page: string, form: Record<string, string>) {
    const token = csrfTokenIn((await this.browser.get(`${this.draftBase}/seite/${page}`)).body);
    if (!token) throw new Error(`Page ${page} has no form`);
    return this.browser.post(`${this.draftBase}/seite/${page}`, { _csrf: token, action: 'continue', ...form });
  }

  /** Posts the pages in order until one is refused; returns that page's response, or undefined when all went on. */
  async fill(pages: Record<string, Record<string, string>>) {
    for (const [page, form] of Object.entries(pages)) {
      const res = await this.post(page, form);
      if (res.statusCode !== 303) return { page, res };
    }
    return undefined;
  }

  async checkPage() {
    return this.browser.get(`${this.draftBase}/pruefen`);
  }

  /** Submits from the check page; the response is 303 to the confirmation or 400 with the check page. */
  async submit() {
    const token = csrfTokenIn((await this.checkPage()).body);
    if (!token) throw new Error('The check page offers no submit form');
    return this.browser.post(`${this.draftBase}/absenden`, { _csrf: token });
  }
}

/** The job context the worker would give handlers, on the test's database and clock. */
export function jobContext(ctx: TestContext, clock: Clock, name: string): JobContext {
  return {
    db: ctx.db,
    settings: ctx.settings,
    clock,
    queue: ctx.queue,
    log: pino({ level: 'silent' }),
    mail: createMailTransport({ from: 'test@example.org' }),
    storage: ctx.storage,
    secret: ctx.secret,
    packages: allServicePackages(),
    job: { id: 'direct', name, attempt: 1 },
  };
}

/** Runs the queued jobs of the given names (as a worker would), repeatedly, until none is left. */
export async function runQueuedJobs(ctx: TestContext, clock: Clock, names: readonly string[]): Promise<number> {
  let ran = 0;
  for (let round = 0; round < 10; round++) {
    let any = false;
    for (const name of names) {
      const job = ctx.queue.jobs.get(name);
      if (!job) throw new Error(`Job ${name} is not registered`);
      const fetched = (await ctx.queue.boss.fetch<Record<string, unknown>>(name, { batchSize: 50 })) ?? [];
      for (const j of fetched) {
        await job.handler(j.data as never, jobContext(ctx, clock, name));
        await ctx.queue.boss.complete(name, j.id);
        ran++;
        any = true;
      }
    }
    if (!any) return ran;
  }
  return ran;
}

/** The jobs a submission and an approval queue: rules and automatic steps, then documents. */
export const CASE_JOBS = ['cases.process-submission', 'documents.generate'];

/** Applies through the form in a municipality, runs the queued jobs, and returns the case with its findings. */
export async function applyAndProcess(ctx: TestContext, clock: Clock, tenant: { slug: string; id: string }, answers: Record<string, Record<string, string>>) {
  const form = await TrafficForm.start(ctx, tenant.slug);
  const refused = await form.fill(answers);
  expect(refused, refused?.res.body.slice(0, 1500)).toBeUndefined();
  const submitted = await form.submit();
  expect(submitted.statusCode, submitted.body.slice(0, 1500)).toBe(303);
  const confirmation = await form.browser.get(String(submitted.headers.location));
  const reference = /[A-Z]{3}-VRA-\d{4}-\d+/.exec(confirmation.body)![0];
  const statusPath = new RegExp(`/${tenant.slug}/status/[A-Za-z0-9_-]+`).exec(confirmation.body)![0];
  await runQueuedJobs(ctx, clock, CASE_JOBS);
  const row = await ctx.db.withTenant(tenant.id, (trx) => trx.selectFrom('cases').select(['id', 'state', 'version']).where('reference', '=', reference).executeTakeFirstOrThrow());
  const evaluation = await findCaseFindings({ db: ctx.db }, tenant.id, row.id);
  return { reference, statusPath, row, findings: evaluation?.findings ?? [], browser: form.browser };
}

/** A caseworker's one-click approval through the case engine, then the queued jobs. */
export async function approveCase(ctx: TestContext, clock: Clock, tenantId: string, caseId: string, staffId: string) {
  const engine = buildCaseEngine({ db: ctx.db, queue: ctx.queue, packages: allServicePackages(), storage: ctx.storage });
  const version = (await ctx.db.withTenant(tenantId, (trx) => trx.selectFrom('cases').select('version').where('id', '=', caseId).executeTakeFirstOrThrow())).version;
  const result = await applyTransition(engine, { tenantId, caseId, transitionId: 'approve', actor: { kind: 'caseworker', id: staffId }, expectedVersion: version, now: clock.now() });
  await runQueuedJobs(ctx, clock, CASE_JOBS);
  return result;
}

/** Inserts a minimal no-parking-zone case of the traffic service (for route tests that need one); returns its id. */
export async function insertTrafficCase(db: TestContext['db'], tenantId: string, reference: string): Promise<string> {
  return db.withTenant(tenantId, async (trx) => {
    const row = await trx
      .insertInto('cases')
      .values({
        tenant_id: tenantId,
        reference,
        service_id: TRAFFIC,
        service_version: 1,
        state: 'submitted',
        data: JSON.stringify({ caseType: 'HVZ', location: { street: 'Teichweg', houseNumberFrom: '10', side: 'even', lengthMeters: 15 } }),
        status_token_hash: randomBytes(32),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
}
