/**
 * Static assets from our own origin (the CSP stays 'self'): the KERN UX design system and Leaflet
 * (the maps) from their npm packages, and the platform's own CSS and scripts. URLs carry a version, so responses are
 * cached for a year as immutable.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const require = createRequire(import.meta.url);
const ASSETS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets');

/** The `dist` folder of an npm package and its version (for the versioned URL). */
function packageDist(name: string): { dir: string; version: string } {
  const pkgPath = require.resolve(`${name}/package.json`);
  const version = (JSON.parse(fs.readFileSync(pkgPath, 'utf8')) as { version: string }).version;
  return { dir: path.join(path.dirname(pkgPath), 'dist'), version };
}

/** A short hash over our own asset files, so a change gives new URLs. */
function assetsVersion(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(entry.name).update(fs.readFileSync(full));
    }
  };
  walk(ASSETS_DIR);
  return hash.digest('hex').slice(0, 10);
}

export interface AssetUrls {
  kern: string;
  app: string;
  /** Leaflet's dist (leaflet.js, leaflet.css, images/) for the map pages. */
  leaflet: string;
}

/** Registers the asset routes and returns their URL prefixes for the views. */
export async function registerAssets(app: FastifyInstance): Promise<AssetUrls> {
  const kern = packageDist('@kern-ux/native');
  const leaflet = packageDist('leaflet');
  const urls = { kern: `/assets/kern-${kern.version}`, app: `/assets/app-${assetsVersion()}`, leaflet: `/assets/leaflet-${leaflet.version}` };
  const common = { immutable: true, maxAge: '365d', cacheControl: true, index: false as const, dotfiles: 'deny' as const };
  await app.register(fastifyStatic, { root: kern.dir, prefix: `${urls.kern}/`, decorateReply: false, ...common });
  await app.register(fastifyStatic, { root: ASSETS_DIR, prefix: `${urls.app}/`, decorateReply: false, ...common });
  await app.register(fastifyStatic, { root: leaflet.dir, prefix: `${urls.leaflet}/`, decorateReply: false, ...common });
  return urls;
}
