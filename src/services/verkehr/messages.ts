/**
 * Texts of the traffic-order procedure shown to applicants before they submit (competence, lead
 * times) and on the municipality's pages. German first, English second; `{name}` placeholders
 * are filled with `renderMessage`.
 */
import { defineMessages } from '../../platform/i18n/i18n.js';

export const trafficMessages = defineMessages({
  'verkehr.notCompetent': {
    de: 'Für die {street} ({roadClass}) ist nicht die {tenant} zuständig, sondern: {authority}. Bitte stellen Sie Ihren Antrag dort.',
    en: '{tenant} is not competent for {street} ({roadClass}); the competent authority is: {authority}. Please apply there.',
  },
  'verkehr.outsideArea': {
    de: 'Die eingezeichnete Stelle liegt außerhalb des Gebiets der {tenant}. Bitte prüfen Sie die Stelle oder wenden Sie sich an die zuständige Behörde: {authority}.',
    en: 'The place you marked lies outside the area of {tenant}. Please check the place or contact the competent authority: {authority}.',
  },
  'verkehr.outsideAreaUnconfirmed': {
    de: 'Die eingezeichnete Stelle liegt möglicherweise außerhalb des Gemeindegebiets. Wir prüfen die Zuständigkeit.',
    en: 'The place you marked may lie outside the municipality. We will check who is competent.',
  },
  'verkehr.mixedStreet': {
    de: 'Teile der {street} sind eine klassifizierte Straße, für die das Landratsamt zuständig ist. Wir prüfen die genaue Stelle.',
    en: 'Parts of {street} are a classified road for which the district office is competent. We will check the exact place.',
  },
  'verkehr.eventPermit': {
    de: 'Für die Veranstaltung selbst brauchen Sie zusätzlich eine Erlaubnis nach § 29 Abs. 2 StVO. Sie wird erteilt von: {authority}.',
    en: 'For the event itself you also need a permit under Section 29 (2) StVO, granted by: {authority}.',
  },
  'verkehr.exemption': {
    de: 'Für das Aufstellen auf der Straße brauchen Sie zusätzlich eine Ausnahmegenehmigung nach § 46 StVO. Sie wird erteilt von: {authority}.',
    en: 'For placing it on the road you also need an exemption under Section 46 StVO, granted by: {authority}.',
  },
  'verkehr.lengthMissing': {
    de: 'Bitte geben Sie bei „Ort der Maßnahme“ die Länge der Halteverbotszone in Metern an, z. B. 15.',
    en: 'Please enter the length of the no-parking zone in metres for “Location”, e.g. 15.',
  },
  'verkehr.sideMissing': {
    de: 'Bitte wählen Sie bei „Ort der Maßnahme“ die Straßenseite der Halteverbotszone.',
    en: 'Please choose the side of the street of the no-parking zone for “Location”.',
  },
  'verkehr.tooLate': {
    de: 'Der gewünschte Beginn am {asked} ist zu früh: Wir brauchen {days} Arbeitstage für die Bearbeitung{setup}. Der früheste mögliche Beginn ist {earliest}. Bitte ändern Sie den Zeitraum.',
    en: 'The start you asked for on {asked} is too early: we need {days} working days to decide{setup}. The earliest possible start is {earliest}. Please change the period.',
  },
  'verkehr.tooLateSetup': {
    de: ', und die Halteverbotsschilder müssen danach noch {full} volle Tage vor Beginn stehen',
    en: ', and the no-parking signs must then stand for {full} full days before the start',
  },
  'verkehr.lateWorks': {
    de: 'Sie beantragen kurzfristig: Üblich sind {days} Arbeitstage Vorlauf (frühester regulärer Beginn {earliest}). Wir bearbeiten Ihren Antrag so schnell wie möglich.',
    en: 'You are applying at short notice: the usual lead time is {days} working days (earliest regular start {earliest}). We will process your application as quickly as possible.',
  },
  'verkehr.setupNotice': {
    de: 'Die Halteverbotsschilder müssen spätestens am {date} stehen – drei volle Tage vor Beginn. Sonst dürfen parkende Fahrzeuge nicht abgeschleppt werden.',
    en: 'The no-parking signs must be up by {date} at the latest – three full days before the start. Otherwise parked vehicles may not be towed.',
  },
  'verkehr.public.title': { de: 'Verkehrsbeschränkungen', en: 'Traffic restrictions' },
  'verkehr.public.lead': {
    de: 'Angeordnete Halteverbote, Baustellen und Sperrungen in {tenant}, die jetzt gelten oder bald beginnen.',
    en: 'Ordered no-parking zones, road works and closures in {tenant} that apply now or start soon.',
  },
  'verkehr.public.none': { de: 'Zurzeit sind keine Beschränkungen angeordnet.', en: 'No restrictions are ordered at the moment.' },
  'verkehr.public.current': { de: 'Gilt jetzt', en: 'In force' },
  'verkehr.public.planned': { de: 'Geplant', en: 'Planned' },
  'verkehr.public.period': { de: '{from} bis {to}', en: '{from} to {to}' },
  'verkehr.public.hours': { de: 'täglich {from} bis {to} Uhr', en: 'daily {from} to {to}' },
  'verkehr.public.reference': { de: 'Aktenzeichen', en: 'Reference' },
  'verkehr.public.feeds': { de: 'Offene Daten', en: 'Open data' },
  'verkehr.public.geojson': { de: 'GeoJSON (RFC 7946)', en: 'GeoJSON (RFC 7946)' },
  'verkehr.public.datex': { de: 'DATEX II v3 (Baustellen, Krane, Container, Veranstaltungen)', en: 'DATEX II v3 (works, cranes, containers, events)' },
  'verkehr.public.apply': { de: 'Selbst eine Anordnung beantragen', en: 'Apply for an order yourself' },
  'verkehr.panel.title': { de: 'Verkehrsrechtliche Prüfung', en: 'Traffic-order check' },
  'verkehr.panel.classification': { de: 'Einstufung der automatischen Prüfung', en: 'Classification by the automatic check' },
  'verkehr.panel.GREEN': { de: 'Grün: Standardfall, Anordnung vorbereitet', en: 'Green: standard case, order drafted' },
  'verkehr.panel.YELLOW': { de: 'Gelb: Hinweise prüfen', en: 'Yellow: check the findings' },
  'verkehr.panel.RED': { de: 'Rot: Einzelfallprüfung nötig', en: 'Red: needs a full review' },
  'verkehr.panel.notEvaluated': { de: 'Noch nicht geprüft', en: 'Not checked yet' },
  'verkehr.panel.stale': { de: 'Die Angaben wurden nach der Prüfung geändert.', en: 'The data changed after the check.' },
  'verkehr.panel.counts': { de: '{blocking} blockierend, {warning} Warnungen, {info} Hinweise', en: '{blocking} blocking, {warning} warnings, {info} notes' },
  'verkehr.panel.setup': { de: 'Schilder spätestens am {date} aufstellen', en: 'Signs up by {date} at the latest' },
  'verkehr.panel.conflict': { de: 'Überschneidung mit {reference}', en: 'Overlaps {reference}' },
  'verkehr.panel.openCase': { de: 'Vorgang {reference} öffnen', en: 'Open case {reference}' },
  'verkehr.map.public': { de: 'Karte der Verkehrsbeschränkungen', en: 'Map of the traffic restrictions' },
  'verkehr.map.publicNote': { de: 'Die Liste unter der Karte enthält alle Beschränkungen mit denselben Angaben.', en: 'The list below the map holds every restriction with the same details.' },
  'verkehr.map.publicStatus': { de: '{shown} von {total} Beschränkungen sind in der Karte eingezeichnet; die Liste nennt alle.', en: '{shown} of {total} restrictions are drawn on the map; the list names all of them.' },
  'verkehr.map.conflict': { de: 'Karte: dieser Vorgang und die Überschneidungen', en: 'Map: this case and the overlaps' },
  'verkehr.map.conflictNote': { de: 'Die Links oben führen zu den anderen Vorgängen; ihre Orte stehen dort auch als Text.', en: 'The links above lead to the other cases; their places are also given there as text.' },
  'verkehr.map.conflictStatus': { de: '{shown} von {total} Vorgängen haben eine Kartenangabe und sind eingezeichnet.', en: '{shown} of {total} cases have a map drawing and are shown.' },
  'verkehr.map.thisCase': { de: 'Dieser Vorgang ({reference})', en: 'This case ({reference})' },
  'verkehr.map.otherCase': { de: 'Überschneidung: {reference}', en: 'Overlap: {reference}' },
  'verkehr.map.otherCases': { de: 'Überschneidende Vorgänge', en: 'Overlapping cases' },
  'verkehr.consult.start': { de: 'Anhörung starten', en: 'Start a consultation' },
  'verkehr.consult.title': { de: 'Anhörung der Beteiligten', en: 'Consultation of the parties' },
  'verkehr.consult.case': { de: 'Vorgang {reference}', en: 'Case {reference}' },
  'verkehr.consult.lead': {
    de: 'Jede ausgewählte Stelle erhält eine E-Mail mit einem persönlichen Link, über den sie ohne Anmeldung Stellung nimmt. Vorgeschlagen sind die Stellen, die bei diesem Antrag üblicherweise angehört werden.',
    en: 'Each chosen party gets an e-mail with a personal link to give its statement without signing in. The parties usually heard for this application are proposed.',
  },
  'verkehr.consult.parties': { de: 'Beteiligte', en: 'Parties' },
  'verkehr.consult.noParties': { de: 'Für Ihre Kommune sind noch keine Beteiligten eingetragen.', en: 'No parties are recorded for your municipality yet.' },
  'verkehr.consult.dueDate': { de: 'Frist', en: 'Deadline' },
  'verkehr.consult.dueHint': { de: 'Üblich sind {days} Arbeitstage.', en: 'Usually {days} working days.' },
  'verkehr.consult.message': { de: 'Nachricht an die Beteiligten (freiwillig)', en: 'Message to the parties (optional)' },
  'verkehr.consult.submit': { de: 'Anhörung starten', en: 'Start consultation' },
  'verkehr.consult.cancel': { de: 'Abbrechen', en: 'Cancel' },
  'verkehr.consult.errorTitle': { de: 'Bitte prüfen Sie Ihre Angaben', en: 'Please check your entries' },
  'verkehr.consult.status.open': { de: 'Angefragt, Frist {due}', en: 'Asked, deadline {due}' },
  'verkehr.consult.status.agreed': { de: 'Zustimmung', en: 'Agrees' },
  'verkehr.consult.status.agreed-with-conditions': { de: 'Zustimmung mit Auflagen', en: 'Agrees with conditions' },
  'verkehr.consult.status.objected': { de: 'Einwände', en: 'Objects' },
  'verkehr.consult.status.withdrawn': { de: 'Zurückgenommen', en: 'Withdrawn' },
  'verkehr.consult.status.expired': { de: 'Frist {due} abgelaufen, keine Antwort', en: 'Deadline {due} passed, no answer' },
  'verkehr.statement.title': { de: 'Stellungnahme zur verkehrsrechtlichen Anordnung', en: 'Statement on a traffic order' },
  'verkehr.statement.lead': { de: '{authority} bittet {party} um eine Stellungnahme bis zum {due}.', en: '{authority} asks {party} for a statement by {due}.' },
  'verkehr.statement.application': { de: 'Der Antrag', en: 'The application' },
  'verkehr.statement.message': { de: 'Nachricht der Straßenverkehrsbehörde', en: 'Message from the road traffic authority' },
  'verkehr.statement.answer': { de: 'Ihre Stellungnahme', en: 'Your statement' },
  'verkehr.statement.agreed': { de: 'Zustimmung', en: 'I agree' },
  'verkehr.statement.agreed-with-conditions': { de: 'Zustimmung mit Auflagen', en: 'I agree with conditions' },
  'verkehr.statement.objected': { de: 'Einwände', en: 'I object' },
  'verkehr.statement.text': { de: 'Auflagen oder Einwände', en: 'Conditions or objections' },
  'verkehr.statement.textHint': { de: 'Nötig bei Auflagen und Einwänden. Auflagen werden in die Anordnung übernommen.', en: 'Needed for conditions and objections. Conditions are taken into the order.' },
  'verkehr.statement.submit': { de: 'Stellungnahme absenden', en: 'Send statement' },
  'verkehr.statement.thanks': { de: 'Vielen Dank. Ihre Stellungnahme ist am {at} eingegangen: {answer}.', en: 'Thank you. Your statement arrived on {at}: {answer}.' },
  'verkehr.statement.errorTitle': { de: 'Bitte prüfen Sie Ihre Angaben', en: 'Please check your entries' },
});

export type TrafficMessageKey = keyof typeof trafficMessages;
