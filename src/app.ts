/**
 * The composition root: builds the web application from explicit dependencies. `main.ts` and
 * the tests call this same function; nothing here reads the environment or holds module state.
 *
 * Order matters: platform plugins (logging, cookies, language, security headers, CSRF, errors)
 * first, then the modules, each of which only adds routes.
 */
import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Settings } from './config/settings.js';
import { backOfficeModule } from './modules/backoffice/backoffice-module.js';
import { gewerberegisterModule } from './services/gewerbe/register/register-routes.js';
import { gewerbeGuideModule } from './services/gewerbe/guide/guide-routes.js';
import { trafficModule } from './services/verkehr/verkehr-module.js';
import { trafficCasePanel } from './services/verkehr/traffic-panel.js';
import { trafficExecutionPanel } from './services/verkehr/after-approval/execution-panel.js';
import type { BackOfficeOptions } from './modules/backoffice/backoffice-deps.js';
import type { CaseEngineDeps } from './modules/cases/case-engine.js';
import { buildCaseEngine } from './modules/cases/case-engine-wiring.js';
import { apiModule } from './modules/api/api-module.js';
import { catalogModule } from './modules/catalog/catalog-routes.js';
import { deliveriesCasePanel } from './modules/deliveries/delivery-panel.js';
import { deliveriesModule } from './modules/deliveries/delivery-routes.js';
import { devMailboxModule } from './modules/dev/dev-mailbox-routes.js';
import { documentsModule } from './modules/documents/documents-module.js';
import { documentsCasePanel } from './modules/documents/documents-panel.js';
import { embedModule } from './modules/embed/embed-routes.js';
import { requestsCasePanel, requestsModule } from './modules/requests/requests-module.js';
import { messagesCasePanel } from './modules/notifications/messages-panel.js';
import { staffModule } from './modules/staff/staff-module.js';
import { statusModule } from './modules/status/status-module.js';
import { submissionsModule } from './modules/submissions/submissions-module.js';
import { publishServiceVersions, type ServicePackages } from './definitions/service-package.js';
import { allServicePackages } from './service-packages.js';
import { staffSessionPlugin } from './platform/auth/session-plugin.js';
import type { Database } from './platform/db/database.js';
import type { MigrationFile } from './platform/db/migrate.js';
import { registerAssets } from './platform/http/assets.js';
import { csrfPlugin } from './platform/http/csrf-plugin.js';
import { installErrorHandling } from './platform/http/error-handler.js';
import { requestContextPlugin } from './platform/http/request-context.js';
import { installRouteCatalogue } from './platform/http/route-catalogue.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';
import { mapTilesOf, tileSourceOf } from './platform/maps/map-tiles.js';
import { buildMessageCatalogue } from './platform/i18n/messages.js';
import type { JobQueue } from './platform/jobs/job-queue.js';
import { requestLogFields } from './platform/ops/log-redaction.js';
import { createMetrics, type Metrics } from './platform/ops/metrics.js';
import { opsModule } from './platform/ops/ops-routes.js';
import { createStorageFromSettings } from './platform/storage/create-storage.js';
import type { FileStorage } from './platform/storage/file-storage.js';
import { createTenantDirectory, type TenantDirectory } from './platform/tenancy/tenant-directory.js';
import { registerMultipart } from './platform/uploads/multipart.js';
import { createScannerFromSettings } from './platform/uploads/scanners/create-scanner.js';
import type { VirusScanner } from './platform/uploads/scanners/virus-scanner.js';
import { createViewRenderer } from './platform/views/render.js';

/** The injectable clock: tests move time, production uses the system clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface AppDeps {
  settings: Settings;
  db: Database;
  /** Secret for CSRF tokens and signed links (≥ 32 characters). */
  secret: string;
  clock?: Clock;
  /** The job queue modules enqueue follow-up work on (pass `trx` to enqueue inside a transaction). */
  queue: JobQueue;
  /** The Prometheus registry; share it with an in-process worker so /metrics shows its jobs. */
  metrics?: Metrics;
  /** The migrations this release expects, for /readyz (default: the files in migrations/). */
  migrationFiles?: readonly MigrationFile[];
  /** The procedures (default: the application's, `src/service-packages.ts`). */
  packages?: ServicePackages;
  /** pino options; `false` for silence. */
  logger?: boolean | Record<string, unknown>;
  /** File storage (default: from STORAGE_DRIVER); tests pass the demo plug-ins. */
  storage?: FileStorage;
  /** Virus scanner for uploads (default: clamd when CLAMD_ENABLED, else none). */
  scanner?: VirusScanner;
  /** The case workflow engine without its database (default: the procedures' workflows with the application's effects); tests may pass their own. */
  caseEngine?: Omit<CaseEngineDeps, 'db'>;
  /** The back office's extension points: the submitted-data renderer and the case page's panels. */
  backOffice?: BackOfficeOptions;
}

/** What modules receive: the dependencies plus shared services built once here. */
export interface AppServices extends Required<Pick<AppDeps, 'settings' | 'db' | 'secret' | 'clock' | 'queue' | 'metrics' | 'storage' | 'scanner' | 'packages'>> {
  tenants: TenantDirectory;
  caseEngine: CaseEngineDeps;
}

/** Builds the Fastify application; call `.ready()` or `.listen()` on the result. */
export async function createApp(deps: AppDeps): Promise<FastifyInstance> {
  const { settings } = deps;
  const production = settings.runtime === 'production';
  const clock = deps.clock ?? systemClock;
  const app = Fastify({
    logger:
      deps.logger === false
        ? false
        : {
            level: settings.logLevel,
            // Requests are logged by method, route pattern and status; never bodies, cookies, query
            // strings or tokens in paths (see requestLogFields).
            redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'], remove: true },
            serializers: { req: requestLogFields },
            ...(typeof deps.logger === 'object' ? deps.logger : {}),
          },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: settings.bodyLimitBytes,
    // Trust exactly the configured number of proxy hops, never a client-supplied first X-Forwarded-For.
    trustProxy: (_address: string, hop: number) => hop < settings.trustProxyHops,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    return503OnClosing: true,
  } as FastifyServerOptions);

  const packages = deps.packages ?? allServicePackages(settings);
  const storage = deps.storage ?? createStorageFromSettings(settings);
  const services: AppServices = {
    settings,
    db: deps.db,
    secret: deps.secret,
    clock,
    queue: deps.queue,
    metrics: deps.metrics ?? createMetrics(),
    tenants: createTenantDirectory(deps.db, () => clock.now().getTime()),
    storage,
    scanner: deps.scanner ?? createScannerFromSettings(settings),
    packages,
    caseEngine: deps.caseEngine ? { ...deps.caseEngine, db: deps.db } : buildCaseEngine({ db: deps.db, queue: deps.queue, packages, storage }),
  };
  // Drafts and cases reference service versions; a changed published version stops the start here.
  await services.db.transaction((trx) => publishServiceVersions(trx, services.packages));

  installRouteCatalogue(app);
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody, { bodyLimit: settings.bodyLimitBytes });
  await registerMultipart(app, settings);
  const assets = await registerAssets(app);
  const mapTiles = mapTilesOf(settings);
  await app.register(requestContextPlugin, {
    views: createViewRenderer({ cache: production }),
    messages: buildMessageCatalogue(),
    secret: deps.secret,
    strictMessages: !production,
    secureCookies: production,
    assets,
    mapTiles,
  });
  await app.register(staffSessionPlugin, { db: services.db, clock, settings });
  await registerSecurityHeaders(app, { production, mapTileSource: tileSourceOf(mapTiles) });
  await app.register(csrfPlugin, { secret: deps.secret });
  installErrorHandling(app);

  await opsModule(app, { db: services.db, metrics: services.metrics, settings, migrationFiles: deps.migrationFiles });

  await catalogModule(app, { db: services.db, tenants: services.tenants });
  await embedModule(app, { tenants: services.tenants });
  if (!production) await devMailboxModule(app, { db: services.db, tenants: services.tenants });
  await staffModule(app, services);
  await deliveriesModule(app, services);
  await documentsModule(app, services);
  await backOfficeModule(app, services, { ...deps.backOffice, panels: [documentsCasePanel(), messagesCasePanel(), deliveriesCasePanel(clock), requestsCasePanel(clock), trafficCasePanel(), trafficExecutionPanel(), ...(deps.backOffice?.panels ?? [])] });
  await requestsModule(app, services);
  await gewerberegisterModule(app, services);
  await gewerbeGuideModule(app, services);
  await trafficModule(app, services);
  await statusModule(app, services);
  await submissionsModule(app, services);
  await apiModule(app, services);

  return app;
}
