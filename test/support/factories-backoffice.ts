/**
 * Test data for the back office: cases with the columns the inbox lists and filters on (names,
 * times, deadline, assignee, closing), attached files in storage, and the app wired to the fixture
 * workflow ('test-service' version 1, test/fixtures/workflows/receipt.*).
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Database } from '../../src/platform/db/database.js';
import type { FileStorage } from '../../src/platform/storage/file-storage.js';
import { newStorageKey } from '../../src/platform/storage/storage-key.js';
import { fixtureEngine } from './case-engine-fixture.js';
import { ensureTestServiceVersion } from './factories-cases.js';
import { createTestContext, type TestContext } from './test-app.js';

export interface CaseSpec {
  reference?: string;
  state?: string;
  data?: Record<string, unknown>;
  applicantName?: string | null;
  applicantEmail?: string | null;
  companyName?: string | null;
  summary?: string | null;
  submittedAt?: Date;
  dueAt?: Date | null;
  closedAt?: Date | null;
  assigneeId?: string | null;
  version?: number;
}

/** Inserts a case of 'test-service' v1 with the given columns; returns its id. */
export async function insertCase(db: Database, tenantId: string, spec: CaseSpec = {}): Promise<string> {
  await ensureTestServiceVersion(db);
  return db.withTenant(tenantId, async (trx) => {
    const row = await trx
      .insertInto('cases')
      .values({
        tenant_id: tenantId,
        reference: spec.reference ?? `TEST-${randomBytes(5).toString('hex').toUpperCase()}`,
        service_id: 'test-service',
        service_version: 1,
        state: spec.state ?? 'submitted',
        ...(spec.version !== undefined ? { version: spec.version } : {}),
        data: JSON.stringify(spec.data ?? {}),
        applicant_name: spec.applicantName ?? null,
        applicant_email: spec.applicantEmail ?? null,
        company_name: spec.companyName ?? null,
        summary: spec.summary ?? null,
        status_token_hash: randomBytes(32),
        ...(spec.submittedAt ? { submitted_at: spec.submittedAt } : {}),
        due_at: spec.dueAt ?? null,
        closed_at: spec.closedAt ?? null,
        assignee_id: spec.assigneeId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

/** Stores a file for a case (content in storage, row in `files`); returns the file id. */
export async function insertCaseFile(
  db: Database,
  storage: FileStorage,
  tenantId: string,
  caseId: string,
  file: { name: string; mediaType: string; content: Buffer },
): Promise<string> {
  const { key, id } = newStorageKey(tenantId, 'upload');
  const stored = await storage.put(key, Readable.from([file.content]));
  await db.withTenant(tenantId, (trx) =>
    trx
      .insertInto('files')
      .values({ tenant_id: tenantId, id, case_id: caseId, purpose: 'upload', storage_key: key, display_name: file.name, media_type: file.mediaType, size_bytes: stored.size, sha256: stored.sha256 })
      .execute(),
  );
  return id;
}

/** The app with the fixture workflow wired as the case engine. */
export async function createBackOfficeContext(options: Parameters<typeof createTestContext>[0] = {}): Promise<TestContext> {
  return createTestContext({ ...options, appDeps: (db) => ({ caseEngine: fixtureEngine(db).deps, ...options.appDeps?.(db) }) });
}
