/*
 * Read-only maps, as an addition to a list that holds the same facts: each [data-rc-map="view"]
 * (hidden without scripts) shows GeoJSON features, embedded in data-geojson or fetched from
 * data-geojson-url on this origin (the CSP's connect-src 'self'). A feature's colour follows its
 * `tone` (or the feed's `status`); its tooltip is `label` (or the feed's German `descriptionDe`),
 * set as text, never as markup. A status line says how many entries the map could place.
 */
(function () {
  'use strict';
  var M = window.RathausMap;
  if (!M) return;
  var L = window.L;
  // Colour and line pattern, so the two kinds differ also for people who do not tell the colours apart.
  var TONES = {
    self: { color: '#00507a' },
    other: { color: '#b00020', dashArray: '10 6' },
    active: { color: '#b00020' },
    planned: { color: '#00507a', dashArray: '10 6' },
  };

  function toneOf(feature) {
    var p = feature.properties || {};
    return TONES[p.tone || p.status] || TONES.self;
  }

  function tooltip(feature) {
    var p = feature.properties || {};
    var span = document.createElement('span');
    span.textContent = p.label || p.descriptionDe || '';
    // The feed's description is German; on an English page say so (WCAG 3.1.2).
    if (!p.label && p.descriptionDe) span.lang = 'de';
    return span;
  }

  function show(root, map, collection) {
    var texts = M.readJson(root.getAttribute('data-texts')) || {};
    var features = (collection && Array.isArray(collection.features) ? collection.features : []).filter(function (f) {
      return f && f.geometry;
    });
    var total = collection && Array.isArray(collection.features) ? collection.features.length : 0;
    var layer = L.geoJSON({ type: 'FeatureCollection', features: features }, {
      style: function (f) {
        var tone = toneOf(f);
        return { color: tone.color, dashArray: tone.dashArray || null, weight: 5, fillOpacity: 0.25 };
      },
      pointToLayer: function (f, latlng) {
        var tone = toneOf(f);
        return L.circleMarker(latlng, { radius: 8, color: tone.color, dashArray: tone.dashArray || null, weight: 3, fillOpacity: 0.5 });
      },
      onEachFeature: function (f, l) {
        l.bindTooltip(tooltip(f));
      },
    }).addTo(map);
    if (features.length > 0) map.fitBounds(layer.getBounds().pad(0.3), { maxZoom: 18 });
    var status = root.querySelector('[role="status"]');
    if (status) status.textContent = M.format(texts.status, { shown: features.length, total: total });
  }

  function enhance(root) {
    if (root.getAttribute('data-rc-map-ready')) return;
    var element = root.querySelector('.rc-map');
    if (!element) return;
    root.setAttribute('data-rc-map-ready', '1');
    root.hidden = false;
    var texts = M.readJson(root.getAttribute('data-texts')) || {};
    var map = M.createMap(root, element, { texts: texts, area: M.readJson(root.getAttribute('data-area')) });
    var url = root.getAttribute('data-geojson-url');
    if (!url) {
      show(root, map, M.readJson(root.getAttribute('data-geojson')));
      return;
    }
    fetch(url, { credentials: 'same-origin', headers: { accept: 'application/geo+json' } })
      .then(function (res) {
        if (!res.ok) throw new Error('HTTP ' + res.status);
        return res.json();
      })
      .then(function (collection) {
        show(root, map, collection);
      })
      .catch(function () {
        var status = root.querySelector('[role="status"]');
        if (status) status.textContent = texts.failed || '';
      });
  }

  var roots = document.querySelectorAll('[data-rc-map="view"]');
  for (var i = 0; i < roots.length; i++) enhance(roots[i]);
})();
