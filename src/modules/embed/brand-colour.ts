/**
 * A municipality's primary colour themes its pages (header background with white text, buttons).
 * WCAG 2.1 AA needs a contrast of at least 4.5:1 for normal text, so a colour too light against
 * white is refused when it is set, not discovered by a citizen who cannot read the header.
 */

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export const MIN_CONTRAST = 4.5;

export type BrandColourCheck = { ok: true; colour: string } | { ok: false; reason: 'format' | 'contrast'; ratio?: number };

/** Validates a primary colour: #rrggbb, and at least 4.5:1 against white text. */
export function checkBrandColour(input: string): BrandColourCheck {
  const colour = input.trim().toLowerCase();
  if (!/^#[0-9a-f]{6}$/.test(colour)) return { ok: false, reason: 'format' };
  const ratio = contrastRatio(colour, '#ffffff');
  if (ratio < MIN_CONTRAST) return { ok: false, reason: 'contrast', ratio: Math.round(ratio * 100) / 100 };
  return { ok: true, colour };
}
