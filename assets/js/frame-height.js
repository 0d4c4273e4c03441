/*
 * Inside an embedded iframe: tells the embedding page how tall the content is, whenever it changes,
 * so the iframe never shows a second scroll bar. The target origin is the embedding page's origin
 * (the server only allows framing by the municipality's registered origins).
 */
(function () {
  'use strict';
  if (window.parent === window) return;
  var target = '*';
  try {
    if (window.location.ancestorOrigins && window.location.ancestorOrigins.length > 0) target = window.location.ancestorOrigins[0];
    else if (document.referrer) target = new URL(document.referrer).origin;
  } catch (e) {
    target = '*';
  }
  var last = 0;
  function send(scrollTop) {
    // The root element's own box, not scrollHeight: scrollHeight never drops below the frame's
    // current height, so the frame could grow but never shrink back on a shorter page.
    var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (h === last && !scrollTop) return;
    last = h;
    window.parent.postMessage({ type: 'rathaus:height', height: h, scrollTop: !!scrollTop }, target);
  }
  if (typeof ResizeObserver === 'function') new ResizeObserver(function () { send(false); }).observe(document.documentElement);
  window.addEventListener('load', function () { send(true); });
  send(true);
})();
