/**
 * Fills a draft through the HTML form runner as a browser without JavaScript would: start the
 * draft, then on every page post the answers with the page's CSRF token and follow the redirect
 * until the check-answers page. The form values come from the runner's own view model
 * (`buildPageView` with the answers), i.e. exactly what the page shows pre-filled with them.
 */
import type { JsonObject } from '../../src/definitions/core/json.js';
import type { FieldView, InputView } from '../../src/definitions/core/view-types.js';
import type { ServiceDefinition } from '../../src/definitions/model/service-definition.js';
import { buildPageView } from '../../src/definitions/view/page-view.js';

function inputPairs(input: InputView): [string, string][] {
  switch (input.control) {
    case 'text':
    case 'textarea':
    case 'hidden':
      return [[input.name, input.value]];
    case 'select':
    case 'radios':
    case 'checkboxes':
      return (input.choices ?? []).filter((c) => c.selected).map((c) => [input.name, c.value]);
    case 'checkbox':
      return input.checked ? [[input.name, input.checkedValue ?? 'yes']] : [];
    case 'file':
      return [];
  }
}

function fieldPairs(field: FieldView): [string, string][] {
  return [...field.inputs.flatMap(inputPairs), ...(field.fields ?? []).flatMap(fieldPairs), ...(field.rows ?? []).flatMap((r) => r.fields.flatMap(fieldPairs))];
}

async function expectRedirect(res: Response, what: string): Promise<string> {
  const location = res.headers.get('location');
  if (res.status !== 303 || !location) throw new Error(`${what}: expected a 303 redirect, got ${res.status}: ${(await res.text()).slice(0, 500)}`);
  return location;
}

/** Starts a draft and fills it page by page; returns the draft's base path (`/{tenant}/{service}/antrag/{token}`). */
export async function fillDraftThroughForms(baseUrl: string, tenant: string, definition: ServiceDefinition, answers: Record<string, unknown>): Promise<string> {
  const start = await fetch(`${baseUrl}/${tenant}/${definition.id}/antrag`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
  let location = await expectRedirect(start, 'starting a draft');
  const draftBase = location.replace(/\/seite\/[^/]+$/, '');
  for (let pages = 0; !location.endsWith('/pruefen'); pages++) {
    if (pages > 40) throw new Error('the form did not reach the check-answers page within 40 pages');
    const page = await fetch(`${baseUrl}${location}`);
    const html = await page.text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (page.status !== 200 || !csrf) throw new Error(`${location}: ${page.status}, no form`);
    const pageId = decodeURIComponent(location.split('/').at(-1)!);
    // The answers are plain JSON (they are what the API would be sent).
    const view = buildPageView(definition, pageId, { data: answers as JsonObject, locale: 'de' });
    const body = new URLSearchParams([['_csrf', csrf], ...view.fields.flatMap(fieldPairs), ['action', 'continue']]);
    const posted = await fetch(`${baseUrl}${location}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    location = await expectRedirect(posted, `posting ${location}`);
  }
  return draftBase;
}
