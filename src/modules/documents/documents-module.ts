/**
 * The documents module's routes: the staff download and release below `/{tenant}/staff`, and the
 * public verification page. Generation runs in the `documents.generate` job (job-registry.ts);
 * the workflow reaches it through `documentEffectHandlers`.
 */
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../app.js';
import { tenantStaffScoped } from '../../platform/auth/tenant-staff-scope.js';
import type { Database } from '../../platform/db/database.js';
import type { FileStorage } from '../../platform/storage/file-storage.js';
import type { TenantDirectory } from '../../platform/tenancy/tenant-directory.js';
import type { LookupLimiterOptions } from './lookup-limiter.js';
import { staffDocumentRoutes } from './staff-document-routes.js';
import { verificationRoutes } from './verification-routes.js';

export interface DocumentsModuleDeps {
  db: Database;
  storage: FileStorage;
  clock: Clock;
  secret: string;
  tenants: TenantDirectory;
  /** Verification lookup limits (default DEFAULT_LOOKUP_LIMITS). */
  verificationLimits?: LookupLimiterOptions;
}

/** Registers the document routes. */
export async function documentsModule(app: FastifyInstance, deps: DocumentsModuleDeps): Promise<void> {
  await app.register(tenantStaffScoped(staffDocumentRoutes, deps.tenants, { db: deps.db, storage: deps.storage, clock: deps.clock }));
  await verificationRoutes(app, { db: deps.db, clock: deps.clock, secret: deps.secret, limits: deps.verificationLimits });
}
