/**
 * Every procedure the application runs, in one list (like the jobs in `job-registry.ts`). A new
 * procedure under `src/services/<name>/` exports its package and is added here.
 */
import { createServicePackages, type ServicePackages } from './definitions/service-package.js';
import { gewerbePackages } from './services/gewerbe/index.js';
import { trafficOrderPackage } from './services/verkehr/verkehr-package.js';

/** The application's procedures. */
export function allServicePackages(): ServicePackages {
  return createServicePackages([...gewerbePackages(), trafficOrderPackage()]);
}
