/**
 * Stacked bar charts drawn on the server: this file computes the geometry, the Eta partial
 * `views/partials/bar-chart.eta` writes the SVG (so every text goes through the escaping
 * template). The chart is an image with a title and a description for screen readers
 * (role="img"); the page always shows the same numbers as a table beside it. Colours are dark
 * enough for 3:1 contrast against white (WCAG 1.4.11), and segments are separated by a white line.
 */

export interface ChartCategory {
  key: string;
  label: string;
}

export interface ChartSeries {
  key: string;
  label: string;
}

export interface StackedBarInput {
  /** Unique on the page; used for the SVG's title and desc ids. */
  id: string;
  title: string;
  description: string;
  categories: ChartCategory[];
  series: ChartSeries[];
  value(categoryKey: string, seriesKey: string): number;
}

export interface ChartSegment {
  y: number;
  height: number;
  fill: string;
  /** "Series: value", the segment's tooltip. */
  label: string;
}

export interface ChartBar {
  x: number;
  width: number;
  label: string;
  labelX: number;
  /** Crowded axes label every n-th bar only. */
  showLabel: boolean;
  total: number;
  segments: ChartSegment[];
}

export interface StackedBarChart {
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  plot: { left: number; top: number; width: number; height: number; bottom: number };
  yTicks: { y: number; label: string }[];
  bars: ChartBar[];
  legend: { label: string; fill: string }[];
}

export const PALETTE = ['#00507a', '#b35900', '#2e7d32', '#6a1b9a', '#c62828', '#00707a', '#5d4037', '#37474f'];

const WIDTH = 720;
const HEIGHT = 280;
const MARGIN = { left: 48, right: 12, top: 12, bottom: 40 };

/** A round upper bound for the axis (1, 2, 5 × 10^k steps, at least one step). */
export function niceAxis(max: number, targetTicks = 4): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 1 };
  const raw = max / targetTicks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  const wholeStep = Math.max(1, Math.round(step));
  return { top: Math.ceil(max / wholeStep) * wholeStep, step: wholeStep };
}

/** Computes a stacked bar chart (counts, so the axis has whole numbers). */
export function stackedBarChart(input: StackedBarInput): StackedBarChart {
  const plot = { left: MARGIN.left, top: MARGIN.top, width: WIDTH - MARGIN.left - MARGIN.right, height: HEIGHT - MARGIN.top - MARGIN.bottom, bottom: HEIGHT - MARGIN.bottom };
  const fills = new Map(input.series.map((s, i) => [s.key, PALETTE[i % PALETTE.length]!]));
  const totals = input.categories.map((c) => input.series.reduce((sum, s) => sum + input.value(c.key, s.key), 0));
  const axis = niceAxis(Math.max(0, ...totals));
  const scale = (v: number) => (v / axis.top) * plot.height;
  const slot = input.categories.length > 0 ? plot.width / input.categories.length : plot.width;
  const barWidth = Math.max(2, slot * 0.7);
  const labelEvery = Math.max(1, Math.ceil(input.categories.length / 13));
  const bars = input.categories.map((c, i) => {
    const x = plot.left + i * slot + (slot - barWidth) / 2;
    let y = plot.bottom;
    const segments: ChartSegment[] = [];
    for (const s of input.series) {
      const v = input.value(c.key, s.key);
      if (v <= 0) continue;
      const h = scale(v);
      y -= h;
      segments.push({ y: round(y), height: round(h), fill: fills.get(s.key)!, label: `${s.label}: ${v}` });
    }
    return { x: round(x), width: round(barWidth), label: c.label, labelX: round(x + barWidth / 2), showLabel: i % labelEvery === 0, total: totals[i]!, segments };
  });
  const yTicks = [];
  for (let v = 0; v <= axis.top; v += axis.step) yTicks.push({ y: round(plot.bottom - scale(v)), label: String(v) });
  return {
    id: input.id,
    title: input.title,
    description: input.description,
    width: WIDTH,
    height: HEIGHT,
    plot,
    yTicks,
    bars,
    legend: input.series.map((s) => ({ label: s.label, fill: fills.get(s.key)! })),
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
