/**
 * The view model of a read-only map (partial `platform/maps/views/map-view`): features shown
 * beside a list or panel that states the same facts, so the map is never the only way to learn
 * them. Its data travels as JSON in data attributes, which Eta escapes like any text.
 */
import { pick, type Locale } from '../i18n/i18n.js';
import type { MapArea } from './map-area.js';
import { mapMessages } from './messages.js';

/** Colours of the map and its legend: this case and another one; a restriction in force and a planned one. */
export type MapTone = 'self' | 'other' | 'active' | 'planned';

export interface MapView {
  /** HTML id prefix. */
  id: string;
  /** Accessible name of the map. */
  label: string;
  /** Says where the same facts are without the map. */
  note: string;
  legend: { tone: MapTone; text: string }[];
  keys: string;
  noTiles: string;
  /** JSON of the texts the script uses (zoom buttons, status line, load failure). */
  texts: string;
  /** A FeatureCollection as JSON, or the same-origin URL to fetch it from. */
  geojson?: string;
  geojsonUrl?: string;
  /** The municipality's area as JSON. */
  area?: string;
}

/** What the caller decides; `status` may use {shown} and {total} (features placed on the map, features in all). */
export interface MapViewInput {
  id: string;
  label: string;
  note: string;
  status: string;
  legend: MapView['legend'];
  features?: { type: 'FeatureCollection'; features: unknown[] };
  featuresUrl?: string;
  area?: MapArea | undefined;
}

/** Builds the model with the shared texts in the visitor's language. */
export function mapView(locale: Locale, input: MapViewInput): MapView {
  const t = (key: keyof typeof mapMessages) => pick(mapMessages[key], locale);
  return {
    id: input.id,
    label: input.label,
    note: input.note,
    legend: input.legend,
    keys: t('map.keys'),
    noTiles: t('map.noTiles'),
    texts: JSON.stringify({ zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut'), failed: t('map.failed'), status: input.status }),
    ...(input.features ? { geojson: JSON.stringify(input.features) } : {}),
    ...(input.featuresUrl ? { geojsonUrl: input.featuresUrl } : {}),
    ...(input.area ? { area: JSON.stringify(input.area) } : {}),
  };
}
