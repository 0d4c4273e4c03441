/**
 * What pdfkit repeats for every document although it comes out the same each time, done once per
 * process instead:
 *
 * - Parsing a font. pdfkit calls `fontkit.create` on the same bytes for every document: about
 *   three quarters of a short letter's rendering time, and a parsed copy of each font per
 *   document in memory. A parsed font is read-only for pdfkit (each document takes its own subset
 *   of it), so `create` keeps the fonts it parsed, keyed by the font's bytes — the same Buffer
 *   objects every time (the renderer reads the files once).
 * - Shaping a word. pdfkit lays text out word by word through `font.layout` (fontkit applies the
 *   OpenType substitutions and positions) and caches the result only within one document. The
 *   shared font keeps each word's result and hands out a copy whose positions pdfkit may scale in
 *   place, as it does with a fresh result; the glyphs are read-only and shared.
 *
 * pdfkit keeps the fontkit module it required when it was first loaded, and finds it by its
 * resolved path in the module cache: the cache entry is replaced before pdfkit is loaded.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface GlyphRun {
  positions: object[];
}

interface Font {
  layout(text: string, features?: unknown, ...rest: unknown[]): GlyphRun;
}

interface FontkitModule {
  create(buffer: Uint8Array, postscriptName?: string): Font;
}

/** Words kept per font before the cache starts over (a document has a few hundred distinct ones). */
const MAX_SHAPED_WORDS = 20_000;

let fontParses = 0;
/** How many times a font file was parsed since the process started (read by the tests). */
export const fontParseCount = (): number => fontParses;

let shapedWords = 0;
/** How many words were shaped by fontkit rather than taken from the cache (read by the tests). */
export const wordShapeCount = (): number => shapedWords;

/** A copy of `object` with the same prototype (a GlyphRun keeps its `advanceWidth` getter). */
function copyOf<T extends object>(object: T): T {
  return Object.assign(Object.create(Object.getPrototypeOf(object) as object | null) as T, object);
}

/** Lets `font` remember its layouts of plain text (no script, language or direction given). */
function rememberLayouts(font: Font): Font {
  const layout = font.layout.bind(font);
  const shaped = new Map<string, GlyphRun>();
  font.layout = (text, features, ...rest) => {
    if (rest.some((r) => r !== undefined)) return layout(text, features, ...rest);
    const key = `${JSON.stringify(features ?? null)}\u0000${text}`;
    let run = shaped.get(key);
    if (!run) {
      shapedWords++;
      if (shaped.size >= MAX_SHAPED_WORDS) shaped.clear();
      run = layout(text, features);
      shaped.set(key, run);
    }
    const copy = copyOf(run);
    copy.positions = run.positions.map(copyOf);
    return copy;
  };
  return font;
}

/** Installs the sharing fontkit for pdfkit (once per process; later calls do nothing). */
export function shareParsedFonts(): void {
  const pdfkitRequire = createRequire(createRequire(require.resolve('pdfmake/package.json')).resolve('pdfkit'));
  const fontkitPath = pdfkitRequire.resolve('fontkit');
  const fontkit = pdfkitRequire('fontkit') as FontkitModule;
  const cached = require.cache[fontkitPath];
  if (!cached || (cached.exports as { sharesParsedFonts?: boolean }).sharesParsedFonts) return;
  const parsed = new WeakMap<Uint8Array, Map<string, Font>>();
  cached.exports = {
    ...fontkit,
    sharesParsedFonts: true,
    create(buffer: Uint8Array, postscriptName?: string): Font {
      const byName = parsed.get(buffer) ?? new Map<string, Font>();
      parsed.set(buffer, byName);
      const key = postscriptName ?? '';
      let font = byName.get(key);
      if (!font) {
        fontParses++;
        font = rememberLayouts(fontkit.create(buffer, postscriptName));
        byName.set(key, font);
      }
      return font;
    },
  };
}
