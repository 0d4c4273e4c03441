/**
 * Driving a page by keyboard alone, the way a person without a mouse does: Tab and Shift+Tab move
 * the focus, Space and Enter act, and the helpers report where the focus landed. Controls are
 * found by the name a screen-reader user hears (label, button text), never by clicking.
 */
import type { Page } from 'playwright-core';

/** The element that has the keyboard focus, as a person meets it. */
export interface FocusedElement {
  tag: string;
  /** `type` of inputs and buttons; '' for other elements. */
  type: string;
  id: string;
  /** The accessible name in short: aria-label, else the label(s), else the text. */
  name: string;
  value: string;
  checked: boolean;
}

// Runs in the page (the project compiles without the DOM library, hence a string).
const DESCRIBE_FOCUS = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const labels = el.labels ? [...el.labels].map((l) => l.textContent || '').join(' ') : '';
  const name = (el.getAttribute('aria-label') ?? (labels || el.textContent || '')).replace(/\\s+/g, ' ').trim();
  return { tag: el.tagName.toLowerCase(), type: el.type ?? '', id: el.id, name, value: el.value ?? '', checked: Boolean(el.checked) };
})()`;

/** What has the focus now (null when nothing but the document body has it). */
export async function focusedElement(page: Page): Promise<FocusedElement | null> {
  return (await page.evaluate(DESCRIBE_FOCUS)) as FocusedElement | null;
}

/**
 * Presses Tab (Shift+Tab with `backwards`) until the focused element's name starts with `name`
 * (or matches it); fails with the list of stops passed, so a broken tab order reads plainly.
 */
export async function tabTo(page: Page, name: string | RegExp, opts: { backwards?: boolean; tag?: string; maxStops?: number } = {}): Promise<FocusedElement> {
  const stops: string[] = [];
  for (let i = 0; i < (opts.maxStops ?? 50); i++) {
    await page.keyboard.press(opts.backwards ? 'Shift+Tab' : 'Tab');
    const f = await focusedElement(page);
    if (!f) continue;
    stops.push(`${f.tag}${f.type ? `[${f.type}]` : ''} "${f.name.slice(0, 60)}"`);
    const matches = typeof name === 'string' ? f.name.startsWith(name) : name.test(f.name);
    if (matches && (!opts.tag || f.tag === opts.tag)) return f;
  }
  throw new Error(`Tab did not reach "${String(name)}" on ${page.url()}; stops: ${stops.join(' → ')}`);
}

/** Tabs to the field named `label` and types `text` into it. */
export async function typeInto(page: Page, label: string | RegExp, text: string): Promise<void> {
  await tabTo(page, label);
  await page.keyboard.type(text);
}

/** Presses a key that submits a form or follows a link, and waits until the next page has loaded. */
export async function pressAndLoad(page: Page, key = 'Enter'): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() });
  await Promise.all([navigated, page.keyboard.press(key)]);
  await page.waitForLoadState('load');
}
