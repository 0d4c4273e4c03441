import { describe, expect, it } from 'vitest';
import { niceAxis, stackedBarChart } from './bar-chart.js';

describe('niceAxis', () => {
  it('rounds up to 1, 2 or 5 times a power of ten in whole steps', () => {
    expect(niceAxis(0)).toEqual({ top: 1, step: 1 });
    expect(niceAxis(3)).toEqual({ top: 3, step: 1 });
    expect(niceAxis(5)).toEqual({ top: 6, step: 2 });
    expect(niceAxis(17)).toEqual({ top: 20, step: 5 });
    expect(niceAxis(230)).toEqual({ top: 300, step: 100 });
  });
});

describe('stackedBarChart', () => {
  const chart = stackedBarChart({
    id: 'c',
    title: 'Eingänge',
    description: 'Beschreibung',
    categories: [
      { key: 'w1', label: '01.12.' },
      { key: 'w2', label: '08.12.' },
    ],
    series: [
      { key: 'a', label: 'Gewerbe' },
      { key: 'b', label: 'Sperrmüll' },
    ],
    value: (c, s) => (({ 'w1|a': 2, 'w1|b': 3, 'w2|a': 0, 'w2|b': 1 }) as Record<string, number>)[`${c}|${s}`] ?? 0,
  });

  it('stacks each category’s series from the axis up, in proportion to the axis top', () => {
    const [first, second] = chart.bars;
    expect(first!.total).toBe(5);
    expect(second!.total).toBe(1);
    expect(first!.segments.map((s) => s.label)).toEqual(['Gewerbe: 2', 'Sperrmüll: 3']);
    // The axis runs to 6 in steps of 2, so a bar of 5 is five sixths of the plot high.
    const heights = first!.segments.reduce((a, s) => a + s.height, 0);
    expect(heights).toBeCloseTo((chart.plot.height * 5) / 6, 0);
    expect(first!.segments[0]!.y + first!.segments[0]!.height).toBeCloseTo(chart.plot.bottom, 0);
    // Zero values draw nothing.
    expect(second!.segments).toHaveLength(1);
  });

  it('gives each series one colour in bars and legend', () => {
    expect(chart.legend).toEqual([
      { label: 'Gewerbe', fill: '#00507a' },
      { label: 'Sperrmüll', fill: '#b35900' },
    ]);
    expect(chart.bars[1]!.segments[0]!.fill).toBe('#b35900');
    expect(chart.yTicks.map((t) => t.label)).toEqual(['0', '2', '4', '6']);
  });
});
