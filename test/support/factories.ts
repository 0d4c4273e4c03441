/**
 * Test data for staff: accounts with a role in a seeded municipality (or the operator), and a
 * login through the real form, so tests of any staff page start from a signed-in browser.
 */
import { randomBytes } from 'node:crypto';
import { generatePassword } from '../../src/platform/auth/passwords.js';
import { createStaffUser } from '../../src/platform/auth/staff-users.js';
import type { Database } from '../../src/platform/db/database.js';
import type { StaffRole } from '../../src/platform/db/schema.js';
import type { FastifyInstance } from 'fastify';
import { Browser, csrfTokenIn } from './test-app.js';

export interface StaffSpec {
  /** Seeded municipality the account works for (omit for an operator without membership). */
  tenantSlug?: string;
  role?: StaffRole;
  /** Further memberships, for people who work for several municipalities. */
  alsoIn?: { tenantSlug: string; role: StaffRole }[];
  operator?: boolean;
  email?: string;
  displayName?: string;
  password?: string;
}

export interface TestStaff {
  id: string;
  email: string;
  password: string;
  displayName: string;
}

async function tenantIdBySlug(db: Database, slug: string): Promise<string> {
  const row = await db.kysely.selectFrom('tenants').select('id').where('slug', '=', slug).executeTakeFirst();
  if (!row) throw new Error(`No seeded tenant "${slug}"`);
  return row.id;
}

/** Creates a staff account; a caseworker of the given municipality unless said otherwise. */
export async function createStaff(db: Database, spec: StaffSpec = {}): Promise<TestStaff> {
  const memberships = [];
  if (spec.tenantSlug) memberships.push({ tenantId: await tenantIdBySlug(db, spec.tenantSlug), role: spec.role ?? 'caseworker' });
  for (const m of spec.alsoIn ?? []) memberships.push({ tenantId: await tenantIdBySlug(db, m.tenantSlug), role: m.role });
  const local = spec.operator ? 'betrieb' : (spec.role ?? 'caseworker');
  const email = spec.email ?? `${local}-${randomBytes(4).toString('hex')}@${spec.tenantSlug ?? 'rathaus'}.example`;
  const password = spec.password ?? generatePassword();
  const displayName = spec.displayName ?? `Test ${local} ${spec.tenantSlug ?? 'Plattform'}`;
  const id = await createStaffUser(db, { email, displayName, password, isOperator: spec.operator ?? false, memberships });
  return { id, email, password, displayName };
}

/**
 * Signs a browser in through the login form. Returns the login response (a 303 redirect);
 * throws with the page's status when the login did not succeed, so a test fails at the cause.
 */
export async function loginAs(browser: Browser, email: string, password: string, next?: string) {
  const page = await browser.get(next ? `/staff/login?next=${encodeURIComponent(next)}` : '/staff/login');
  const token = csrfTokenIn(page.body);
  if (!token) throw new Error(`Login page without CSRF token (status ${page.statusCode})`);
  const res = await browser.post('/staff/login', { _csrf: token, email, password, ...(next ? { next } : {}) });
  if (res.statusCode !== 303) throw new Error(`Login as ${email} failed with status ${res.statusCode}`);
  return res;
}

/** A new staff account and a browser already signed in with it. */
export async function signedInStaff(app: FastifyInstance, db: Database, spec: StaffSpec = {}): Promise<{ staff: TestStaff; browser: Browser }> {
  const staff = await createStaff(db, spec);
  const browser = new Browser(app);
  await loginAs(browser, staff.email, staff.password);
  return { staff, browser };
}
