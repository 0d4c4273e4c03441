/**
 * The municipality's traffic restrictions as a GeoJSON FeatureCollection (RFC 7946): WGS84
 * positions in [longitude, latitude] order, no `crs` member, one Feature per approved order that
 * is current or upcoming. A typed place without a drawing is an unlocated Feature (geometry null,
 * RFC 7946 § 3.2) that still names the street. Properties follow verkehr.md § 5.4 and carry no
 * personal data.
 */
import type { PublishedRestriction } from './published-restrictions.js';

/** The feed's identity: who publishes it. */
export interface FeedPublisher {
  /** The municipality's official name, e.g. "Gemeinde Bennewitz". */
  authority: string;
  /** Amtlicher Gemeindeschlüssel (8 digits). */
  ags: string;
  ars: string | null;
}

/** Builds the FeatureCollection. */
export function buildRestrictionsGeoJson(publisher: FeedPublisher, restrictions: readonly PublishedRestriction[], generatedAt: Date): Record<string, unknown> {
  return {
    type: 'FeatureCollection',
    features: restrictions.map((r) => ({
      type: 'Feature',
      id: r.id,
      geometry: r.geometry,
      properties: {
        authority: publisher.authority,
        ags: publisher.ags,
        ...(publisher.ars ? { ars: publisher.ars } : {}),
        caseType: r.caseType,
        status: r.status,
        validFrom: r.validFrom,
        validTo: r.validTo,
        timeWindows: r.dailyWindow ? [r.dailyWindow] : [],
        street: r.street,
        section: r.section,
        restriction: r.restriction.de,
        descriptionDe: `${r.restriction.de}: ${r.street}${r.section ? ` (${r.section})` : ''}`,
        updatedAt: r.updatedAt.toISOString(),
      },
    })),
    generatedAt: generatedAt.toISOString(),
  };
}
