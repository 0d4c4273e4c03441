/**
 * The drawing map of the `geometry` field: what the page needs to offer it (the hidden input it
 * writes, the shapes allowed, the fallback area) and its texts. The map is an enhancement for
 * people who can point at a map; the typed street, house numbers, side and length remain the way
 * to answer by keyboard or without scripts, so its note says so.
 */
import { defineMessages } from '../../platform/i18n/i18n.js';
import { mapMessages } from '../../platform/maps/messages.js';
import type { ViewContext } from '../core/field-type.js';
import type { GeometryKind } from '../core/geo.js';
import type { MapFieldView } from '../core/view-types.js';

/** Texts of the drawing map; `{label}` names the field, the script fills the other placeholders. Tool texts are named `tool<kind>`. */
export const geometryMapMessages = defineMessages({
  mapLabel: { de: 'Karte: {label}', en: 'Map: {label}' },
  mapNote: {
    de: 'Die Karte ist freiwillig. Die Angaben Straße, Hausnummern, Straßenseite und Länge genügen; sie sind auch ohne Karte vollständig.',
    en: 'The map is optional. Street, house numbers, side and length are enough; they are complete without the map.',
  },
  mapKeys: {
    de: 'Wählen Sie ein Werkzeug und klicken Sie in die Karte. Mit der Tastatur: Karte ansteuern, mit den Pfeiltasten verschieben, mit + und − zoomen, mit der Eingabetaste einen Punkt in der Kartenmitte setzen.',
    en: 'Choose a tool and click on the map. By keyboard: move to the map, pan with the arrow keys, zoom with + and −, and press Enter to set a point at the centre of the map.',
  },
  mapTools: { de: 'Zeichenwerkzeuge', en: 'Drawing tools' },
  toolPoint: { de: 'Punkt setzen', en: 'Set a point' },
  toolLineString: { de: 'Linie zeichnen', en: 'Draw a line' },
  toolPolygon: { de: 'Fläche zeichnen', en: 'Draw an area' },
  undo: { de: 'Letzten Punkt entfernen', en: 'Remove the last point' },
  clear: { de: 'Zeichnung löschen', en: 'Delete the drawing' },
  statusEmpty: { de: 'Noch nichts eingezeichnet.', en: 'Nothing drawn yet.' },
  statusPoint: { de: 'Punkt gesetzt.', en: 'Point set.' },
  statusLineStart: { de: 'Linie begonnen: 1 Punkt. Setzen Sie mindestens einen weiteren Punkt.', en: 'Line started: 1 point. Set at least one more point.' },
  statusLine: { de: 'Linie mit {count} Punkten eingezeichnet, etwa {metres} m lang.', en: 'Line with {count} points drawn, about {metres} m long.' },
  statusPolygonStart: { de: 'Fläche begonnen: {count} von mindestens 3 Eckpunkten.', en: 'Area started: {count} of at least 3 corners.' },
  statusPolygon: { de: 'Fläche mit {count} Eckpunkten eingezeichnet, etwa {area} m².', en: 'Area with {count} corners drawn, about {area} m².' },
  statusTool: { de: 'Werkzeug „{tool}“ gewählt.', en: 'Tool “{tool}” chosen.' },
});

/** The map's view model for a geometry field whose drawing goes to the hidden input `input`. */
export function geometryMapView(ctx: ViewContext<unknown>, map: { id: string; input: string; kinds: readonly GeometryKind[]; bounds?: readonly [number, number, number, number] | undefined }): MapFieldView {
  const texts: Record<string, string> = {};
  for (const code of Object.keys(geometryMapMessages)) texts[code] = ctx.text(ctx.message(code));
  // The texts every map shares (zoom buttons, the note without a tile server).
  for (const code of ['noTiles', 'zoomIn', 'zoomOut'] as const) texts[code] = ctx.text(mapMessages[`map.${code}`]);
  return { id: map.id, input: map.input, kinds: [...map.kinds], ...(map.bounds ? { bounds: [...map.bounds] as [number, number, number, number] } : {}), texts };
}
