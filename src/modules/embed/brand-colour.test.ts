import { describe, expect, it } from 'vitest';
import { checkBrandColour, contrastRatio } from './brand-colour.js';

describe('brand colour', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('accepts dark colours and refuses light or malformed ones', () => {
    expect(checkBrandColour('#00507A')).toEqual({ ok: true, colour: '#00507a' });
    expect(checkBrandColour('#ffcc00')).toMatchObject({ ok: false, reason: 'contrast' });
    expect(checkBrandColour('#777777')).toMatchObject({ ok: false, reason: 'contrast' });
    expect(checkBrandColour('red')).toEqual({ ok: false, reason: 'format' });
    expect(checkBrandColour('#12345')).toEqual({ ok: false, reason: 'format' });
  });
});
