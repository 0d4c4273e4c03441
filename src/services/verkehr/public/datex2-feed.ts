/**
 * The municipality's works, cranes, containers and events as a DATEX II v3 SituationPublication
 * (verkehr.md § 5.3): one situation per approved order, one record each — MaintenanceWorks for
 * road works (roadworks) and for cranes and containers (other), PublicEvent for street events —
 * with validity (overall start and end in Europe/Berlin), a German public comment and the place
 * as a point or a GML line (EPSG:4326, latitude before longitude). No-parking zones stay out
 * (not relevant for the national access point, verkehr.md § 5.3), and so do orders typed without a
 * drawing, as DATEX needs a location reference.
 *
 * Element names and order follow published v3 situation documents; the document has not been
 * validated against the official XSD, which this installation does not hold.
 */
import { create } from 'xmlbuilder2';
import type { GeoJsonGeometry } from '../../../definitions/core/geo.js';
import { berlinStartOfDay, addDays } from '../../../platform/calendar/calendar-date.js';
import type { FeedPublisher } from './geojson-feed.js';
import type { PublishedRestriction } from './published-restrictions.js';

const NS = {
  d2: 'http://datex2.eu/schema/3/d2Payload',
  com: 'http://datex2.eu/schema/3/common',
  sit: 'http://datex2.eu/schema/3/situation',
  loc: 'http://datex2.eu/schema/3/locationReferencing',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

/** The clock time of a day in Europe/Berlin as an ISO instant. */
function instant(day: string, time: string | undefined, endOfDay: boolean): string {
  if (!time) return (endOfDay ? berlinStartOfDay(addDays(day, 1)) : berlinStartOfDay(day)).toISOString();
  const [h = 0, m = 0] = time.split(':').map(Number);
  return new Date(berlinStartOfDay(day).getTime() + (h * 60 + m) * 60_000).toISOString();
}

type Node = ReturnType<typeof create>;

function location(record: Node, geometry: GeoJsonGeometry): void {
  const coords = geometry.coordinates as unknown;
  if (geometry.type === 'Point') {
    const [lon, lat] = coords as number[];
    const point = record.ele(NS.sit, 'sit:locationReference').att(NS.xsi, 'xsi:type', 'loc:PointLocation').ele(NS.loc, 'loc:pointByCoordinates').ele(NS.loc, 'loc:pointCoordinates');
    point.ele(NS.loc, 'loc:latitude').txt(String(lat)).up().ele(NS.loc, 'loc:longitude').txt(String(lon));
    return;
  }
  const line = geometry.type === 'LineString' ? (coords as number[][]) : ((coords as number[][][])[0] ?? []);
  record
    .ele(NS.sit, 'sit:locationReference')
    .att(NS.xsi, 'xsi:type', 'loc:LinearLocation')
    .ele(NS.loc, 'loc:gmlLineString')
    .att('srsName', 'EPSG:4326')
    .ele(NS.loc, 'loc:posList')
    .txt(line.map(([lon, lat]) => `${lat} ${lon}`).join(' '));
}

/** Builds the publication; `now` is its publication time. */
export function buildRestrictionsDatex2(publisher: FeedPublisher, restrictions: readonly PublishedRestriction[], now: Date): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const payload = doc
    .ele(NS.d2, 'd2:payload')
    .att('xmlns:com', NS.com)
    .att('xmlns:sit', NS.sit)
    .att('xmlns:loc', NS.loc)
    .att('xmlns:xsi', NS.xsi)
    .att(NS.xsi, 'xsi:type', 'sit:SituationPublication')
    .att('lang', 'de')
    .att('modelBaseVersion', '3');
  payload.ele(NS.com, 'com:publicationTime').txt(now.toISOString());
  payload.ele(NS.com, 'com:publicationCreator').ele(NS.com, 'com:country').txt('DE').up().ele(NS.com, 'com:nationalIdentifier').txt(publisher.ars ?? publisher.ags);
  for (const r of restrictions) {
    if (r.caseType === 'HVZ' || !r.geometry) continue;
    const situation = payload.ele(NS.sit, 'sit:situation').att('id', r.id);
    situation.ele(NS.sit, 'sit:overallSeverity').txt(r.restriction.de.includes('Vollsperrung') ? 'high' : 'low');
    situation.ele(NS.sit, 'sit:headerInformation').ele(NS.com, 'com:confidentiality').txt('noRestriction').up().ele(NS.com, 'com:informationStatus').txt('real');
    const record = situation
      .ele(NS.sit, 'sit:situationRecord')
      .att(NS.xsi, 'xsi:type', r.caseType === 'VER' ? 'sit:PublicEvent' : 'sit:MaintenanceWorks')
      .att('id', `${r.id}-1`)
      .att('version', String(Math.floor(r.updatedAt.getTime() / 1000)));
    record.ele(NS.sit, 'sit:situationRecordCreationTime').txt(r.updatedAt.toISOString());
    record.ele(NS.sit, 'sit:situationRecordVersionTime').txt(r.updatedAt.toISOString());
    record.ele(NS.sit, 'sit:probabilityOfOccurrence').txt('certain');
    const validity = record.ele(NS.sit, 'sit:validity');
    validity.ele(NS.com, 'com:validityStatus').txt('definedByValidityTimeSpec');
    const spec = validity.ele(NS.com, 'com:validityTimeSpecification');
    spec.ele(NS.com, 'com:overallStartTime').txt(instant(r.validFrom, r.dailyWindow?.from, false));
    spec.ele(NS.com, 'com:overallEndTime').txt(instant(r.validTo, r.dailyWindow?.to, true));
    record
      .ele(NS.sit, 'sit:generalPublicComment')
      .ele(NS.sit, 'sit:comment')
      .ele(NS.com, 'com:values')
      .ele(NS.com, 'com:value')
      .att('lang', 'de')
      .txt(`${r.restriction.de}: ${r.street}${r.section ? ` (${r.section})` : ''}, ${publisher.authority}`);
    location(record, r.geometry);
    if (r.caseType === 'VER') record.ele(NS.sit, 'sit:publicEventType').txt('other');
    else record.ele(NS.sit, 'sit:roadMaintenanceType').txt(r.caseType === 'BAU' ? 'roadworks' : 'other');
  }
  return doc.end({ prettyPrint: true });
}
