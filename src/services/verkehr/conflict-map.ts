/**
 * The map on a traffic case's page when the case conflicts with other orders: this case's drawing
 * and the drawings of the conflicting cases, in two colours. The panel's links to those cases
 * stay the way to reach them; the map only shows where they lie. The callers read the cases in
 * the page's tenant transaction, so only the same municipality's cases can appear.
 */
import type { Locale, Translate } from '../../platform/i18n/i18n.js';
import { mapView, type MapTone, type MapView } from '../../platform/maps/map-view.js';
import { readTrafficApplication } from './traffic-application.js';

/** A case as the map needs it: its reference and its submitted data. */
export interface MappedCase {
  reference: string;
  data: Readonly<Record<string, unknown>>;
}

function feature(c: MappedCase, tone: MapTone, label: string) {
  const geometry = readTrafficApplication(c.data)?.location.geometry ?? null;
  // A typed-only place stays in the collection without geometry (RFC 7946 § 3.2), so the map can count it.
  return { type: 'Feature' as const, geometry, properties: { tone, label } };
}

/** The map of a case and its conflicting cases, or undefined when there is no conflict or nothing is drawn. */
export function conflictMapView(locale: Locale, t: Translate, self: MappedCase, others: readonly MappedCase[]): MapView | undefined {
  if (others.length === 0) return undefined;
  const features = [feature(self, 'self', t('verkehr.map.thisCase', { reference: self.reference })), ...others.map((o) => feature(o, 'other', t('verkehr.map.otherCase', { reference: o.reference })))];
  if (features.every((f) => f.geometry === null)) return undefined;
  return mapView(locale, {
    id: 'conflict-map',
    label: t('verkehr.map.conflict'),
    note: t('verkehr.map.conflictNote'),
    status: t('verkehr.map.conflictStatus'),
    legend: [
      { tone: 'self', text: t('verkehr.map.thisCase', { reference: self.reference }) },
      { tone: 'other', text: t('verkehr.map.otherCases') },
    ],
    features: { type: 'FeatureCollection', features },
  });
}
