/**
 * The maps' background tiles as the platform setting gives them (MAP_TILE_URL,
 * MAP_TILE_ATTRIBUTION). Without a tile server the maps draw on a plain background and the
 * browser asks no other server: nothing about the visitor reaches a third party, and tests need
 * no network.
 */
import type { Settings } from '../../config/settings.js';

/** The tile layer the pages announce to the map scripts, or undefined when none is configured. */
export interface MapTiles {
  /** Leaflet URL template, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png. */
  url: string;
  /** Plain text shown on the map; the script escapes it. */
  attribution?: string;
}

/** The configured tiles, if any. */
export function mapTilesOf(settings: Pick<Settings, 'mapTileUrl' | 'mapTileAttribution'>): MapTiles | undefined {
  if (!settings.mapTileUrl) return undefined;
  return { url: settings.mapTileUrl, ...(settings.mapTileAttribution ? { attribution: settings.mapTileAttribution } : {}) };
}

/**
 * The CSP source of the tiles: the template's origin, with a `{s}` subdomain as `*.`
 * (https://{s}.tile.example.org/… → https://*.tile.example.org). Settings checked the shape.
 */
export function tileSourceOf(tiles: MapTiles | undefined): string | undefined {
  if (!tiles) return undefined;
  const m = /^(https?:\/\/)([^/]+)/i.exec(tiles.url);
  return m ? `${m[1]!.toLowerCase()}${m[2]!.replace(/^\{s\}\./, '*.').toLowerCase()}` : undefined;
}
