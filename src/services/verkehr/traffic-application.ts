/**
 * The submitted data of a traffic-order application, read into one typed shape that rules, the
 * pre-submit check, the conflict check and the order document share. The data has passed the
 * definition's validation, so this only picks values; anything missing stays undefined.
 */
import type { GeoJsonGeometry } from '../../definitions/core/geo.js';

export const CASE_TYPES = ['HVZ', 'BAU', 'HUB', 'CON', 'VER'] as const;
/** HVZ no-parking zone, BAU road works, HUB crane/lift, CON container/scaffold, VER street event (verkehr.md § 2). */
export type CaseType = (typeof CASE_TYPES)[number];

export type StreetSide = 'even' | 'odd' | 'both';

/** Where: the typed description and, when drawn, the geometry (WGS84). */
export interface TrafficLocation {
  street: string;
  houseNumberFrom?: string;
  houseNumberTo?: string;
  side?: StreetSide;
  lengthMeters?: number;
  geometry?: GeoJsonGeometry;
}

/** The parts of an application the automation works with. */
export interface TrafficApplication {
  caseType: CaseType;
  location: TrafficLocation;
  /** Validity, both days included (`YYYY-MM-DD`). */
  period?: { from: string; to: string };
  dailyWindow?: { from: string; to: string; days?: string[] };
  affectedParts: string[];
  signType?: '283' | '286';
  alsoUsesFootway: boolean;
  /** The order includes no-parking signs, which must stand for full days before it takes effect. */
  includesNoParking: boolean;
  closureType?: string;
  trafficControl?: string;
  siteDuration?: 'long' | 'short';
  residualWidths: { carriagewayM?: number; footwayM?: number; cyclewayM?: number };
  signPlanKind?: 'regelplan' | 'own';
  regelplan?: string;
  roadPermit?: string;
  roadPermitReference?: string;
  workType?: string;
  emergencyWork: boolean;
  frameworkOrder?: string;
  responsiblePerson?: { hasName: boolean; hasMobile: boolean; hasCertificate: boolean; mvasDate?: string };
  eNoticeConsent: boolean;
  email?: string;
}

type Data = Readonly<Record<string, unknown>>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const obj = (v: unknown): Data => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Data) : {});

/** True when the data names one of the case types. */
export function isCaseType(value: unknown): value is CaseType {
  return typeof value === 'string' && (CASE_TYPES as readonly string[]).includes(value);
}

/** Reads the location part of the data (also used for drafts, where parts may be missing). */
export function readLocation(value: unknown): TrafficLocation | undefined {
  const loc = obj(value);
  const street = str(loc.street);
  if (!street) return undefined;
  const side = loc.side === 'even' || loc.side === 'odd' || loc.side === 'both' ? loc.side : undefined;
  const geometry = obj(loc.geometry);
  return {
    street,
    ...(str(loc.houseNumberFrom) ? { houseNumberFrom: str(loc.houseNumberFrom)! } : {}),
    ...(str(loc.houseNumberTo) ? { houseNumberTo: str(loc.houseNumberTo)! } : {}),
    ...(side ? { side } : {}),
    ...(num(loc.lengthMeters) !== undefined ? { lengthMeters: num(loc.lengthMeters)! } : {}),
    ...(typeof geometry.type === 'string' ? { geometry: geometry as GeoJsonGeometry } : {}),
  };
}

/** Reads an application; undefined when the case type or the street is missing (not a traffic order). */
export function readTrafficApplication(data: Data): TrafficApplication | undefined {
  if (!isCaseType(data.caseType)) return undefined;
  const location = readLocation(data.location);
  if (!location) return undefined;
  const period = obj(data.period);
  const window = obj(data.dailyWindow);
  const widths = obj(data.residualWidths);
  const person = data.responsiblePerson === undefined ? undefined : obj(data.responsiblePerson);
  const days = Array.isArray(window.days) ? window.days.filter((d): d is string => typeof d === 'string') : undefined;
  return {
    caseType: data.caseType,
    location,
    ...(str(period.from) && str(period.to) ? { period: { from: str(period.from)!, to: str(period.to)! } } : {}),
    ...(str(window.from) && str(window.to) ? { dailyWindow: { from: str(window.from)!, to: str(window.to)!, ...(days && days.length > 0 ? { days } : {}) } } : {}),
    affectedParts: Array.isArray(data.affectedParts) ? data.affectedParts.filter((p): p is string => typeof p === 'string') : [],
    ...(data.signType === '283' || data.signType === '286' ? { signType: data.signType } : {}),
    alsoUsesFootway: data.alsoUsesFootway === true || data.standsOnFootway === true,
    includesNoParking: data.caseType === 'HVZ' || data.noParkingNeeded === true || data.liftNoParkingNeeded === true,
    ...(str(data.closureType) ? { closureType: str(data.closureType)! } : {}),
    ...(str(data.trafficControl) ? { trafficControl: str(data.trafficControl)! } : {}),
    ...(data.siteDuration === 'long' || data.siteDuration === 'short' ? { siteDuration: data.siteDuration } : {}),
    residualWidths: {
      ...(num(widths.carriagewayM) !== undefined ? { carriagewayM: num(widths.carriagewayM)! } : {}),
      ...(num(widths.footwayM) !== undefined ? { footwayM: num(widths.footwayM)! } : {}),
      ...(num(widths.cyclewayM) !== undefined ? { cyclewayM: num(widths.cyclewayM)! } : {}),
    },
    ...(data.signPlanKind === 'regelplan' || data.signPlanKind === 'own' ? { signPlanKind: data.signPlanKind } : {}),
    ...(str(data.regelplan) ? { regelplan: str(data.regelplan)! } : {}),
    ...(str(data.roadPermit) ? { roadPermit: str(data.roadPermit)! } : {}),
    ...(str(data.roadPermitReference) ? { roadPermitReference: str(data.roadPermitReference)! } : {}),
    ...(str(data.workType) ? { workType: str(data.workType)! } : {}),
    emergencyWork: data.emergencyWork === true,
    ...(str(data.frameworkOrder) ? { frameworkOrder: str(data.frameworkOrder)! } : {}),
    ...(person
      ? {
          responsiblePerson: {
            hasName: Object.keys(obj(person.name)).length > 0,
            hasMobile: Boolean(str(person.mobile)),
            hasCertificate: Array.isArray(person.mvasCertificate) && person.mvasCertificate.length > 0,
            ...(str(person.mvasDate) ? { mvasDate: str(person.mvasDate)! } : {}),
          },
        }
      : {}),
    eNoticeConsent: data.eNoticeConsent === true,
    ...(str(data.email) ? { email: str(data.email)! } : {}),
  };
}

/** The zone's length in metres: the typed length, else the drawn line's (rounded up), else undefined. */
export function zoneLengthMeters(location: TrafficLocation, drawnLength: (g: GeoJsonGeometry) => number): number | undefined {
  if (location.lengthMeters !== undefined) return location.lengthMeters;
  if (location.geometry?.type === 'LineString') return Math.ceil(drawnLength(location.geometry));
  return undefined;
}

/** The leading number of a house number ("12a" → 12), or undefined. */
export function houseNumberValue(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const n = parseInt(text, 10);
  return Number.isFinite(n) ? n : undefined;
}
