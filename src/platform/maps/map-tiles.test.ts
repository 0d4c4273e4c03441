import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../config/settings.js';
import { mapTilesOf, tileSourceOf } from './map-tiles.js';

const settingsWith = (env: Record<string, string>) => loadSettings({ NODE_ENV: 'test', ...env });

describe('map tile settings', () => {
  it('has no tiles by default, so maps ask no other server', () => {
    const settings = settingsWith({});
    expect(settings.mapTileUrl).toBeUndefined();
    expect(mapTilesOf(settings)).toBeUndefined();
    expect(tileSourceOf(mapTilesOf(settings))).toBeUndefined();
  });

  it('reads the tile template and its attribution', () => {
    const settings = settingsWith({ MAP_TILE_URL: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: '© OpenStreetMap-Mitwirkende' });
    expect(mapTilesOf(settings)).toEqual({ url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap-Mitwirkende' });
    expect(tileSourceOf(mapTilesOf(settings))).toBe('https://tile.openstreetmap.org');
  });

  it('allows exactly the template origin, port included, and a {s} subdomain as a wildcard', () => {
    expect(tileSourceOf({ url: 'http://tiles.intern:8080/osm/{z}/{x}/{y}.png' })).toBe('http://tiles.intern:8080');
    expect(tileSourceOf({ url: 'https://{s}.Tile.Example.org/{z}/{x}/{y}{r}.png' })).toBe('https://*.tile.example.org');
  });

  it('refuses templates the CSP could not name or that miss a placeholder, naming the variable', () => {
    for (const bad of [
      'tile.openstreetmap.org/{z}/{x}/{y}.png',
      'ftp://tile.example.org/{z}/{x}/{y}.png',
      'https://tile.example.org/{z}/{x}.png',
      'https://tiles.{s}.example.org/{z}/{x}/{y}.png',
      'https://tile.example.org/{z}/{x}/{y}.png?key={apikey}',
      'https://user@tile.example.org/{z}/{x}/{y}.png',
    ]) {
      expect(() => settingsWith({ MAP_TILE_URL: bad }), bad).toThrow(/MAP_TILE_URL must be an http\(s\) URL template/);
    }
  });
});
