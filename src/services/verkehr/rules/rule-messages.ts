/**
 * Reasons of the traffic-order findings, keyed by finding code, as the caseworker reads them on
 * the case page (German and English). Placeholders are filled with `renderMessage`.
 */
import { defineMessages } from '../../../platform/i18n/i18n.js';

export const trafficRuleMessages = defineMessages({
  'verkehr.competence-not-own': {
    de: 'Nicht zuständig: {street} ist als {roadClass} eingetragen; zuständig ist {authority}. Bitte an die zuständige Behörde abgeben.',
    en: 'Not competent: {street} is recorded as {roadClass}; {authority} is competent. Please refer the case.',
  },
  'verkehr.competence-outside': { de: 'Die eingezeichnete Stelle liegt außerhalb des Gemeindegebiets.', en: 'The place drawn lies outside the municipality.' },
  'verkehr.competence-outside-unconfirmed': {
    de: 'Die eingezeichnete Stelle liegt außerhalb der (noch unbestätigten) Gemeindegrenze; bitte Zuständigkeit prüfen.',
    en: 'The place drawn lies outside the (still unconfirmed) boundary; please check competence.',
  },
  'verkehr.competence-mixed': {
    de: 'Die {street} ist abschnittsweise klassifiziert ({classes}); bitte prüfen, ob die Stelle auf einer Gemeindestraße liegt.',
    en: '{street} is classified in parts ({classes}); please check that the place is on a municipal road.',
  },
  'verkehr.competence-presumed': {
    de: 'Die {street} steht nicht im Straßenverzeichnis und wird als Gemeindestraße angenommen.',
    en: '{street} is not in the road list and is presumed to be a municipal road.',
  },
  'verkehr.competence-hear-owner': {
    de: 'Die {street} ist {roadClass}: als untere Straßenverkehrsbehörde zuständig; den Straßenbaulastträger anhören.',
    en: '{street} is a {roadClass}: competent as lower traffic authority; hear the road owner.',
  },
  'verkehr.event-permit-elsewhere': {
    de: 'Die Erlaubnis nach § 29 Abs. 2 StVO erteilt {authority}; hier nur die Anordnung der Sperrung.',
    en: 'The permit under Section 29 (2) StVO is granted by {authority}; only the closure is ordered here.',
  },
  'verkehr.exemption-elsewhere': {
    de: 'Die Ausnahmegenehmigung nach § 46 StVO erteilt {authority}; hier nur die Anordnung nach § 45 StVO.',
    en: 'The exemption under Section 46 StVO is granted by {authority}; only the order under Section 45 StVO is made here.',
  },
  'verkehr.h2-too-long': {
    de: 'Die Zone ist {length} m lang; ohne Prüfung sind höchstens {max} m je Straßenseite vorgesehen.',
    en: 'The zone is {length} m long; at most {max} m per side are foreseen without review.',
  },
  'verkehr.h3-too-many-days': { de: 'Die Zone gilt {days} Tage; ohne Prüfung sind höchstens {max} Tage vorgesehen.', en: 'The zone applies for {days} days; at most {max} days are foreseen without review.' },
  'verkehr.h3-hours': {
    de: 'Die tägliche Zeit {from}–{to} Uhr liegt außerhalb von {earliest}–{latest} Uhr.',
    en: 'The daily time {from}–{to} lies outside {earliest}–{latest}.',
  },
  'verkehr.h3-no-hours': { de: 'Es ist keine tägliche Uhrzeit angegeben.', en: 'No daily hours are given.' },
  'verkehr.lead-too-late': {
    de: 'Zu spät beantragt: frühester möglicher Beginn {earliest} (Bearbeitung {days} Arbeitstage{setup}).',
    en: 'Applied too late: earliest possible start {earliest} (processing {days} working days{setup}).',
  },
  'verkehr.lead-late': { de: 'Kurzfristig beantragt: regulärer Vorlauf {days} Arbeitstage, frühester regulärer Beginn {earliest}.', en: 'Short notice: regular lead time {days} working days, earliest regular start {earliest}.' },
  'verkehr.h5-restricted-spot': {
    de: 'An dieser Stelle gilt bereits: {kind}. Eine Halteverbotszone ist dort nicht sinnvoll oder nicht zulässig.',
    en: 'This place already has: {kind}. A no-parking zone there is pointless or not allowed.',
  },
  'verkehr.h5-existing-no-stopping': {
    de: 'An dieser Stelle gilt bereits ein absolutes Haltverbot; statt einer Zone ist eine Ausnahmegenehmigung nach § 46 StVO nötig.',
    en: 'This place already has a no-stopping zone; an exemption under Section 46 StVO is needed instead of a zone.',
  },
  'verkehr.h6-width': {
    de: 'Restfahrbahn nur etwa {rest} m (Fahrbahn {width} m); mindestens {min} m sind freizuhalten.',
    en: 'Remaining carriageway only about {rest} m (carriageway {width} m); at least {min} m must stay free.',
  },
  'verkehr.h7-bus-route': { de: 'Auf der {street} verkehrt eine Buslinie; den Verkehrsbetrieb beteiligen.', en: 'A bus line runs on {street}; involve the operator.' },
  'verkehr.conflict': {
    de: 'Überschneidung mit {reference} ({place}, Schilder {from} bis {to}): gleiche Stelle, gleiche Zeit.',
    en: 'Overlaps {reference} ({place}, signs {from} to {to}): same place, same time.',
  },
  'verkehr.conflict-possible': {
    de: 'Mögliche Überschneidung mit {reference} ({place}, Schilder {from} bis {to}): gleiche Straße, Hausnummern fehlen.',
    en: 'Possible overlap with {reference} ({place}, signs {from} to {to}): same street, house numbers missing.',
  },
  'verkehr.h9-footway': { de: 'Der Gehweg wird mitgenutzt (z. B. Möbellift); Sondernutzung und Gehwegbreite prüfen.', en: 'The footway is used as well (e.g. furniture lift); check special use and footway width.' },
  'verkehr.h10-school': {
    de: 'In der {street} liegt {school}; die Zone gilt an Schultagen zwischen 07:00 und 08:30 Uhr.',
    en: '{school} is on {street}; the zone applies on school days between 07:00 and 08:30.',
  },
  'verkehr.h11-post': {
    de: 'Keine Einwilligung in den Online-Abruf (§ 41 Abs. 2a VwVfG): Bescheid per Post zustellen.',
    en: 'No consent to online retrieval (Section 41 (2a) VwVfG): deliver the decision by post.',
  },
  'verkehr.h12-repeated': {
    de: 'Für diese Adresse gab es in den letzten {days} Tagen schon {count} Halteverbotszone(n).',
    en: 'This address already had {count} no-parking zone(s) in the last {days} days.',
  },
  'verkehr.b2-mvas-missing': {
    de: 'Der Nachweis der verantwortlichen Person nach MVAS 99 fehlt; bitte nachfordern (RSA 21 Teil A 1.4).',
    en: 'The MVAS 99 certificate of the responsible person is missing; please request it (RSA 21 part A 1.4).',
  },
  'verkehr.b3-footway-width': { de: 'Restgehwegbreite {rest} m unter dem Mindestmaß von {min} m.', en: 'Remaining footway width {rest} m below the minimum of {min} m.' },
  'verkehr.b3-footway-width-missing': { de: 'Die verbleibende Gehwegbreite ist nicht angegeben.', en: 'The remaining footway width is not given.' },
  'verkehr.b4-narrowing': {
    de: 'Fahrbahneinengung: Restbreite {rest} m (mindestens {min} m), Engstelle {length} m (höchstens {max} m) – Regelplan B I/2 prüfen.',
    en: 'Carriageway narrowing: remaining width {rest} m (at least {min} m), narrow section {length} m (at most {max} m) – check standard plan B I/2.',
  },
  'verkehr.b5-short': { de: 'Arbeitsstelle kürzerer Dauer bei Tageslicht (RSA 21 Teil B IV).', en: 'Short-duration site in daylight (RSA 21 part B IV).' },
  'verkehr.b6-control': { de: 'Verkehrsregelung „{kind}“: Anhörung von Polizei und Beteiligten nötig.', en: 'Traffic control “{kind}”: the police and others must be consulted.' },
  'verkehr.b6-full-closure': {
    de: 'Vollsperrung mit Umleitung: Anhörung von Polizei, Rettungsdienst, Verkehrsbetrieb und Abfallwirtschaft nötig.',
    en: 'Full closure with detour: the police, rescue service, transport operator and waste collection must be consulted.',
  },
  'verkehr.b7-permit-missing': {
    de: 'Für die Arbeiten ({work}) ist in der Regel eine Aufbruch- oder Sondernutzungserlaubnis nötig; sie ist nicht genannt.',
    en: 'The works ({work}) usually need an excavation or special-use permit; none is named.',
  },
  'verkehr.b7-permit-open': { de: 'Die Straßenerlaubnis {reference} ist beantragt, aber noch nicht erteilt.', en: 'The road permit {reference} is applied for but not yet granted.' },
  'verkehr.b7-special-use': { de: 'Die Sondernutzungserlaubnis (§ 18 SächsStrG) ergeht als eigener Bescheid zusammen mit dieser Anordnung.', en: 'The special-use permit (Section 18 SächsStrG) is issued as a separate notice together with this order.' },
  'verkehr.b10-own-plan': { de: 'Eigener Verkehrszeichenplan: bitte fachlich prüfen.', en: 'Own traffic sign plan: please review it.' },
  'verkehr.b11-emergency': {
    de: 'Havarie: vorläufig zugelassen; die Anordnung ist binnen eines Arbeitstages nachträglich zu erlassen.',
    en: 'Emergency repair: provisionally accepted; the order must follow within one working day.',
  },
  'verkehr.b12-framework': { de: 'Abruf aus Rahmenanordnung {reference}: Einhaltung ihrer Bedingungen prüfen.', en: 'Call-off under framework order {reference}: check its conditions are met.' },
});

export type TrafficRuleMessageKey = keyof typeof trafficRuleMessages;
