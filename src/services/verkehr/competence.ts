/**
 * Who decides an application (verkehr.md § 1.3, tenants.md § 2.4): a Gemeinde as örtliche
 * Straßenverkehrsbehörde orders § 45 StVO measures on its own roads only (Gemeindestraßen and
 * sonstige öffentliche Straßen, SächsStrVRG § 2); Bundes-, Staats- and Kreisstraßen, § 46
 * exemptions and § 29 event permits belong to the Landratsamt (§ 3). A Große Kreisstadt acts as
 * untere Straßenverkehrsbehörde on all roads in its area and hears the road owner.
 *
 * Pure: the caller loads the area and the matching road-list entries.
 */
import type { GeoJsonGeometry } from '../../definitions/core/geo.js';
import { geometryInsideArea } from './geo/planar.js';
import type { HigherAuthority, StreetEntry, TrafficArea } from './traffic-area.js';
import type { CaseType } from './traffic-application.js';

const MUNICIPAL = new Set(['gemeindestrasse', 'sonstige']);

export type CompetenceOutcome =
  /** The tenant decides; `presumed` when the street is not in the road list. */
  | { kind: 'own'; basis: 'listed' | 'presumed' | 'lower-authority'; street?: StreetEntry }
  /** A classified road of a Gemeinde: the Landratsamt decides. */
  | { kind: 'not-competent'; street: StreetEntry; authority: HigherAuthority }
  /** The road list has municipal and classified parts under this name: a person must look at the place. */
  | { kind: 'mixed'; streets: StreetEntry[] }
  /** The drawing lies outside the municipality's boundary. */
  | { kind: 'outside-area'; boundaryConfirmed: boolean; authority: HigherAuthority };

/** What the applicant needs besides this order from another authority (a Gemeinde only). */
export type ExtraPermit = 'event-permit' | 'exemption';

/** Decides competence for a place; without an area every place is presumed the tenant's. */
export function decideCompetence(area: TrafficArea | undefined, streets: readonly StreetEntry[], geometry: GeoJsonGeometry | undefined): CompetenceOutcome {
  if (!area) return { kind: 'own', basis: 'presumed' };
  if (geometry && area.boundary && !geometryInsideArea(geometry, area.boundary)) {
    return { kind: 'outside-area', boundaryConfirmed: area.boundaryConfirmed, authority: area.higherAuthority };
  }
  if (streets.length === 0) return { kind: 'own', basis: area.authorityRole === 'lower' ? 'lower-authority' : 'presumed' };
  if (area.authorityRole === 'lower') return { kind: 'own', basis: 'lower-authority', street: streets[0]! };
  const classified = streets.filter((s) => !MUNICIPAL.has(s.roadClass));
  if (classified.length === 0) return { kind: 'own', basis: 'listed', street: streets[0]! };
  if (classified.length < streets.length) return { kind: 'mixed', streets: [...streets] };
  return { kind: 'not-competent', street: classified[0]!, authority: area.higherAuthority };
}

/** Permits only the Landratsamt grants that a Gemeinde's applicant needs as well (§ 29 Abs. 2, § 46 StVO). */
export function extraPermitsFor(area: TrafficArea | undefined, caseType: CaseType): ExtraPermit[] {
  if (!area || area.authorityRole === 'lower') return [];
  if (caseType === 'VER') return ['event-permit'];
  if (caseType === 'HUB' || caseType === 'CON') return ['exemption'];
  return [];
}

/** The authority as one line: name, unit, address, phone. */
export function authorityLine(a: HigherAuthority): string {
  return [a.name, a.unit, `${a.street}, ${a.postalCode} ${a.town}`, a.phone ? `Telefon ${a.phone}` : undefined].filter(Boolean).join(', ');
}

/** A road's class in German and English, with its number when known ("Staatsstraße S 11"). */
export function roadClassName(street: StreetEntry): { de: string; en: string } {
  const names: Record<StreetEntry['roadClass'], { de: string; en: string }> = {
    gemeindestrasse: { de: 'Gemeindestraße', en: 'municipal road' },
    sonstige: { de: 'sonstige öffentliche Straße', en: 'other public road' },
    kreisstrasse: { de: 'Kreisstraße', en: 'district road' },
    staatsstrasse: { de: 'Staatsstraße', en: 'state road' },
    bundesstrasse: { de: 'Bundesstraße', en: 'federal road' },
  };
  const n = names[street.roadClass];
  return street.roadRef ? { de: `${n.de} ${street.roadRef}`, en: `${n.en} ${street.roadRef}` } : n;
}
