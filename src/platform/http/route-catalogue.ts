/**
 * Records every route as it is registered, so tests can walk all of them — e.g. prove that every
 * staff page below `/:tenant/staff` refuses another municipality's staff — and new routes are
 * covered without anyone remembering to add them to a list. Install before any route exists.
 */
import type { FastifyInstance } from 'fastify';

export interface RegisteredRoute {
  method: string;
  /** The full path pattern including prefixes, e.g. `/:tenant/staff`. */
  url: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** All routes registered so far (HEAD routes included). */
    registeredRoutes(): readonly RegisteredRoute[];
  }
}

/** Starts recording routes on `app`; call first, before any plugin adds routes. */
export function installRouteCatalogue(app: FastifyInstance): void {
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  app.decorate('registeredRoutes', () => routes);
}
