/*
 * What the map scripts share (window.RathausMap): a Leaflet map on the municipality's area, the
 * background tiles only when the platform names a tile server (meta rc-map-tiles; otherwise a
 * plain background and no request to any other server), German or English control labels, and
 * the measures the status texts report. Loaded only on pages that hold a map, after leaflet.js.
 */
(function () {
  'use strict';
  if (!window.L || window.RathausMap) return;
  var L = window.L;
  var EARTH_RADIUS = 6371000;
  // Saxony, for a map that knows neither the municipality nor a bounds option.
  var FALLBACK_BOUNDS = [11.87, 50.17, 15.04, 51.69];

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') : null;
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  /** Parses the JSON of a data attribute; a broken value counts as absent. */
  function readJson(text) {
    if (!text) return null;
    try {
      return JSON.parse(text);
    } catch (e) {
      return null;
    }
  }

  /** Fills {name} placeholders. */
  function format(template, params) {
    return String(template || '').replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole;
    });
  }

  /** A whole number in the page's language (1.234 in German, 1,234 in English). */
  function number(n) {
    var lang = document.documentElement.lang || 'de';
    return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'de-DE', { maximumFractionDigits: 0 }).format(Math.round(n));
  }

  function distance(a, b) {
    var rad = Math.PI / 180;
    var h = Math.pow(Math.sin(((b.lat - a.lat) * rad) / 2), 2) + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.pow(Math.sin(((b.lng - a.lng) * rad) / 2), 2);
    return 2 * EARTH_RADIUS * Math.asin(Math.sqrt(h));
  }

  /** Length of a line of LatLngs in metres (the server's formula, so both say the same). */
  function lineLength(points) {
    var total = 0;
    for (var i = 1; i < points.length; i++) total += distance(points[i - 1], points[i]);
    return total;
  }

  /** Area of a ring of LatLngs in square metres (on a plane around it: fine for a street's scale). */
  function ringArea(points) {
    if (points.length < 3) return 0;
    var rad = Math.PI / 180;
    var lat0 = points[0].lat * rad;
    var sum = 0;
    for (var i = 0; i < points.length; i++) {
      var p = points[i];
      var q = points[(i + 1) % points.length];
      var x1 = p.lng * rad * Math.cos(lat0) * EARTH_RADIUS;
      var y1 = p.lat * rad * EARTH_RADIUS;
      var x2 = q.lng * rad * Math.cos(lat0) * EARTH_RADIUS;
      var y2 = q.lat * rad * EARTH_RADIUS;
      sum += x1 * y2 - x2 * y1;
    }
    return Math.abs(sum) / 2;
  }

  function latLngBounds(box) {
    return L.latLngBounds([box[1], box[0]], [box[3], box[2]]);
  }

  /**
   * Builds the map in `element` (inside `root`, which holds the no-tiles note): zoom buttons with
   * the page's texts, the configured tiles or the note, the municipality's outline, and the view on
   * the area (else `bounds`, else Saxony). Returns the Leaflet map.
   */
  function createMap(root, element, options) {
    var texts = options.texts || {};
    var map = L.map(element, { zoomControl: false, doubleClickZoom: options.doubleClickZoom !== false, attributionControl: true });
    L.control.zoom({ zoomInTitle: texts.zoomIn || '+', zoomOutTitle: texts.zoomOut || '-' }).addTo(map);
    var url = meta('rc-map-tiles');
    if (url) {
      var attribution = meta('rc-map-attribution');
      L.tileLayer(url, { maxZoom: 19, attribution: attribution ? escapeHtml(attribution) : '' }).addTo(map);
    } else {
      var note = root.querySelector('[data-no-tiles]');
      if (note) note.hidden = false;
      element.classList.add('rc-map--plain');
    }
    var area = options.area;
    if (area && area.boundary) {
      L.geoJSON(area.boundary, { interactive: false, style: { color: '#4c4c4c', weight: 2, dashArray: '6 4', fill: false } }).addTo(map);
    }
    var box = (area && area.bounds) || options.bounds || FALLBACK_BOUNDS;
    map.fitBounds(latLngBounds(box));
    return map;
  }

  window.RathausMap = { createMap: createMap, readJson: readJson, format: format, number: number, lineLength: lineLength, ringArea: ringArea, escapeHtml: escapeHtml };
})();
