/**
 * Every procedure the application runs, in one list (like the jobs in `job-registry.ts`). A new
 * procedure under `src/services/<name>/` exports its package and is added here.
 */
import type { Settings } from './config/settings.js';
import { createServicePackages, type ServicePackages } from './definitions/service-package.js';
import { gewerbePackages } from './services/gewerbe/index.js';
import { trafficOrderPackage } from './services/verkehr/verkehr-package.js';

/** The application's procedures; settings configure what needs them (e.g. the XGewerbeanzeige XSD folder). */
export function allServicePackages(settings: Partial<Pick<Settings, 'xgewerbeanzeigeXsdDir'>> = {}): ServicePackages {
  return createServicePackages([...gewerbePackages({ xsdDir: settings.xgewerbeanzeigeXsdDir }), trafficOrderPackage()]);
}
