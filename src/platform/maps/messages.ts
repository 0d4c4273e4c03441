/** Texts every map shares (drawing maps and read-only maps), read directly by their builders. */
import { defineMessages } from '../i18n/i18n.js';

export const mapMessages = defineMessages({
  'map.noTiles': {
    de: 'Für diese Karte ist kein Kartenhintergrund eingerichtet: Straßen und Gebäude sind darin nicht zu sehen.',
    en: 'No background map is set up for this map: streets and buildings are not shown on it.',
  },
  'map.zoomIn': { de: 'Vergrößern', en: 'Zoom in' },
  'map.zoomOut': { de: 'Verkleinern', en: 'Zoom out' },
  'map.keys': {
    de: 'Mit der Tastatur: Karte ansteuern, mit den Pfeiltasten verschieben, mit + und − zoomen.',
    en: 'By keyboard: move to the map, pan with the arrow keys, zoom with + and −.',
  },
  'map.failed': { de: 'Die Karte konnte ihre Daten nicht laden.', en: 'The map could not load its data.' },
});
