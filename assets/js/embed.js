/*
 * Rathaus Cloud embed script. A municipality pastes into its CMS:
 *   <script src="https://…/embed.js" data-tenant="wurzen" data-service="gewerbe-anmeldung" async></script>
 * It inserts an iframe with the service and lets the iframe's height follow its content. Messages
 * are accepted only from the platform's own origin and from this iframe. Without JavaScript the
 * municipality's page shows its plain link (put one in a <noscript> or next to the script).
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script) return;
  var base = new URL(script.src, document.baseURI);
  var origin = base.origin;
  var tenant = script.getAttribute('data-tenant') || '';
  var service = script.getAttribute('data-service') || '';
  var lang = script.getAttribute('data-lang') || document.documentElement.lang || 'de';
  if (!/^[a-z0-9-]+$/.test(tenant) || (service && !/^[a-z0-9-]+$/.test(service))) return;
  var path = '/' + tenant + (service ? '/' + service : '');
  var frame = document.createElement('iframe');
  frame.src = origin + path + '?lang=' + (lang.slice(0, 2) === 'en' ? 'en' : 'de');
  frame.title = script.getAttribute('data-title') || (lang.slice(0, 2) === 'en' ? 'Online service' : 'Online-Dienst');
  frame.setAttribute('loading', 'lazy');
  frame.style.width = '100%';
  frame.style.border = '0';
  frame.style.minHeight = '480px';
  frame.setAttribute('data-rathaus-embed', '');
  script.parentNode.insertBefore(frame, script.nextSibling);
  window.addEventListener('message', function (event) {
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    var msg = event.data;
    if (!msg || msg.type !== 'rathaus:height' || typeof msg.height !== 'number') return;
    var h = Math.max(200, Math.min(Math.ceil(msg.height), 20000));
    frame.style.height = h + 'px';
    if (msg.scrollTop) frame.scrollIntoView({ block: 'start' });
  });
})();
