/*
 * The drawing map of a geometry field, as progressive enhancement: each [data-rc-map="field"]
 * (hidden without scripts) becomes a Leaflet map on which the applicant sets a point, a line or an
 * area by clicking, or by keyboard with Enter at the centre of the map. The drawing is written as
 * GeoJSON (WGS84, [longitude, latitude]) into the field's hidden input, so the server validates and
 * stores it like any other answer; a saved drawing is shown again. The typed street and house
 * numbers stay the required answer; the map only adds to them.
 */
(function () {
  'use strict';
  var M = window.RathausMap;
  if (!M) return;
  var L = window.L;
  var DIGITS = 1e7; // seven decimals: about a centimetre, more than any drawing means

  function round(n) {
    return Math.round(n * DIGITS) / DIGITS;
  }

  function position(latlng) {
    return [round(latlng.lng), round(latlng.lat)];
  }

  /** The hidden input the field posts its drawing in. */
  function findInput(root, name) {
    var scope = root.closest('form') || document;
    var inputs = scope.querySelectorAll('input[type="hidden"]');
    for (var i = 0; i < inputs.length; i++) if (inputs[i].name === name) return inputs[i];
    return null;
  }

  /** A saved drawing of an allowed kind as { kind, points }, else null. */
  function readDrawing(text, kinds) {
    var g = M.readJson(text);
    if (!g || kinds.indexOf(g.type) === -1 || !Array.isArray(g.coordinates)) return null;
    var coords = g.type === 'Point' ? [g.coordinates] : g.type === 'LineString' ? g.coordinates : g.coordinates[0];
    if (!Array.isArray(coords)) return null;
    var points = [];
    for (var i = 0; i < coords.length; i++) {
      var c = coords[i];
      if (!Array.isArray(c) || typeof c[0] !== 'number' || typeof c[1] !== 'number') return null;
      points.push(L.latLng(c[1], c[0]));
    }
    // A polygon's ring repeats its first corner at the end; the drawing holds each corner once.
    if (g.type === 'Polygon' && points.length > 1 && points[0].equals(points[points.length - 1])) points.pop();
    return { kind: g.type, points: points };
  }

  /** The GeoJSON of a drawing, or null while it is not yet a valid shape of its kind. */
  function geometryOf(kind, points) {
    if (kind === 'Point' && points.length === 1) return { type: 'Point', coordinates: position(points[0]) };
    if (kind === 'LineString' && points.length >= 2) return { type: 'LineString', coordinates: points.map(position) };
    if (kind === 'Polygon' && points.length >= 3) {
      var ring = points.map(position);
      ring.push(ring[0].slice());
      return { type: 'Polygon', coordinates: [ring] };
    }
    return null;
  }

  function statusText(texts, kind, points) {
    var n = points.length;
    if (n === 0) return texts.statusEmpty;
    if (kind === 'Point') return texts.statusPoint;
    if (kind === 'LineString') return n < 2 ? texts.statusLineStart : M.format(texts.statusLine, { count: n, metres: M.number(M.lineLength(points)) });
    return n < 3 ? M.format(texts.statusPolygonStart, { count: n }) : M.format(texts.statusPolygon, { count: n, area: M.number(M.ringArea(points)) });
  }

  function enhance(root) {
    if (root.getAttribute('data-rc-map-ready')) return;
    var texts = M.readJson(root.getAttribute('data-texts')) || {};
    var kinds = (root.getAttribute('data-kinds') || '').split(' ').filter(Boolean);
    var input = findInput(root, root.getAttribute('data-input'));
    var element = root.querySelector('.rc-map');
    var status = root.querySelector('[role="status"]');
    if (!input || !element || kinds.length === 0) return;
    root.setAttribute('data-rc-map-ready', '1');
    root.hidden = false;

    var areaHost = root.closest('[data-map-area]');
    var boundsText = root.getAttribute('data-bounds');
    var map = M.createMap(root, element, {
      texts: texts,
      area: areaHost ? M.readJson(areaHost.getAttribute('data-map-area')) : null,
      bounds: boundsText ? boundsText.split(',').map(Number) : null,
      doubleClickZoom: false, // two quick clicks are two points, not a zoom
    });
    var layer = L.layerGroup().addTo(map);
    var saved = readDrawing(input.value, kinds);
    var kind = saved ? saved.kind : kinds.indexOf('LineString') !== -1 ? 'LineString' : kinds[0];
    var points = saved ? saved.points : [];
    var buttons = root.querySelectorAll('[data-tool]');

    function redraw() {
      layer.clearLayers();
      var style = { color: '#00507a', weight: 4 };
      if (kind === 'LineString' && points.length >= 2) L.polyline(points, style).addTo(layer);
      if (kind === 'Polygon' && points.length >= 2) L.polygon(points, { color: style.color, weight: 3, fillOpacity: 0.25 }).addTo(layer);
      points.forEach(function (p) {
        L.circleMarker(p, { radius: 6, color: '#00507a', weight: 2, fillColor: '#ffffff', fillOpacity: 1, interactive: false }).addTo(layer);
      });
    }

    /** Writes the drawing into the hidden input and says what it is now. */
    function update(announce) {
      var geometry = geometryOf(kind, points);
      input.value = geometry ? JSON.stringify(geometry) : '';
      redraw();
      status.textContent = announce || statusText(texts, kind, points);
    }

    function choose(next) {
      kind = next;
      if (kind === 'Point' && points.length > 1) points = [points[points.length - 1]];
      for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute('aria-pressed', String(buttons[i].getAttribute('data-tool') === kind));
      element.classList.add('rc-map--drawing');
    }

    function add(latlng) {
      if (kind === 'Point') points = [latlng];
      else points.push(latlng);
      update();
    }

    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener('click', function (e) {
        var tool = e.currentTarget.getAttribute('data-tool');
        choose(tool);
        update(M.format(texts.statusTool, { tool: texts['tool' + tool] }) + ' ' + statusText(texts, kind, points));
      });
    }
    root.querySelector('[data-action="undo"]').addEventListener('click', function () {
      points.pop();
      update();
    });
    root.querySelector('[data-action="clear"]').addEventListener('click', function () {
      points = [];
      update();
    });
    map.on('click', function (e) {
      add(e.latlng);
    });
    // Keyboard: Leaflet pans with the arrows and zooms with + and -; Enter or Space sets a point
    // at the centre, where the focused map shows a cross-hair.
    element.addEventListener('keydown', function (e) {
      if (e.target !== element || (e.key !== 'Enter' && e.key !== ' ')) return;
      e.preventDefault();
      add(map.getCenter());
    });

    choose(kind);
    // Shown, not written: until the applicant draws, the input keeps what the server sent.
    redraw();
    status.textContent = statusText(texts, kind, points);
    if (saved && points.length > 0) map.fitBounds(L.latLngBounds(points).pad(0.5), { maxZoom: 18 });
  }

  var roots = document.querySelectorAll('[data-rc-map="field"]');
  for (var i = 0; i < roots.length; i++) enhance(roots[i]);
})();
