/**
 * The benchmark report's arithmetic (bench/lib/stats.ts, bench/lib/report.ts): medians and
 * percentiles, ratios to a baseline in another scenario, targets met or missed, and repetitions
 * that measured nothing left out rather than turned into a figure.
 */
import { describe, expect, it } from 'vitest';
import { limitsText } from '../../bench/lib/limits.js';
import { renderMarkdown, resolveComparison, type RunReport, type ScenarioOutcome } from '../../bench/lib/report.js';
import type { Comparison } from '../../bench/lib/scenario.js';
import { formatFigure, median, percentile, summarize } from '../../bench/lib/stats.js';

const outcome = (id: string, measurements: { key: string; samples: number[] }[], comparisons: Comparison[] = []): ScenarioOutcome => ({
  id,
  title: id,
  description: '',
  status: 'ok',
  seconds: 1,
  result: { measurements: measurements.map((m) => ({ ...m, label: m.key, unit: 'x/s', better: 'higher' as const })), comparisons, notes: [], checks: [] },
});

const report = (...scenarios: ScenarioOutcome[]): RunReport => ({
  meta: { date: '2026-11-28', commit: 'abc1234', size: 'quick', cpus: '2 cores', memory: '8 GiB', node: 'v20', postgres: '15', seconds: 10, budgetSeconds: 120 },
  scenarios,
});

describe('benchmark statistics', () => {
  it('takes the median of odd and even counts and percentiles by nearest rank', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
  });

  it('leaves repetitions that measured nothing out of the summary', () => {
    expect(summarize([10, Number.NaN, 30, Number.POSITIVE_INFINITY])).toEqual({ median: 20, min: 10, max: 30, n: 2 });
    expect(summarize([Number.NaN]).n).toBe(0);
    expect(formatFigure(Number.NaN)).toBe('–');
    expect(formatFigure(1234.5)).toBe('1,235');
    expect(formatFigure(0)).toBe('0');
  });
});

describe('benchmark report', () => {
  const b0 = outcome('B0', [{ key: 'inserts-32', samples: [1000, 1200, 800] }]);
  const b1 = outcome('B1', [{ key: 'submissions', samples: [250, 200, 300] }], [
    { label: 'Submissions/s', measurement: 'submissions', baseline: 'B0:inserts-32', target: { op: '>=', value: 1000, text: '≥ 1,000/s' } },
  ]);

  it('divides medians by the baseline of another scenario and judges the target', () => {
    const c = resolveComparison(report(b0, b1), b1, b1.result!.comparisons[0]!)!;
    expect(c.value.median).toBe(250);
    expect(c.baseline?.value.median).toBe(1000);
    expect(c.ratio).toBe(0.25);
    expect(c.met).toBe(false);
  });

  it('calls a target missed when the figure could not be measured', () => {
    const empty = outcome('B7', [{ key: 'scale', samples: [Number.NaN, Number.NaN, Number.NaN] }], [{ label: 'Scale', measurement: 'scale', target: { op: '>=', value: 1.5, text: '≥ 1.5×' } }]);
    expect(resolveComparison(report(empty), empty, empty.result!.comparisons[0]!)?.met).toBe(false);
  });

  it('writes the run facts, the figures with their range, and a failed scenario with its message but not its stack', () => {
    const failed: ScenarioOutcome = { id: 'B5', title: 'Pipeline', description: 'd', status: 'failed', seconds: 2, error: 'Error: worker died\n    at run (b5.ts:1:1)' };
    const md = renderMarkdown(report(b0, b1, failed));
    expect(md).toContain('| git commit | abc1234 |');
    expect(md).toContain('| inserts-32 | 1,000 | 800–1,200 | x/s | 3 |');
    expect(md).toContain('| Submissions/s | 250 x/s | inserts-32: 1,000 x/s | 0.250× | ≥ 1,000/s | **missed** |');
    expect(md).toContain('**Failed:** Error: worker died');
    expect(md).not.toContain('at run (b5.ts');
  });

  it('says what limits the missed targets, from the performance document, only when a target is missed', () => {
    const doc = '# Performance\n\n## What was changed\n\n- faster\n\n## What limits the figures\n\n- **Two cores.** Shared.\n\n## Appendix\n\nmore\n';
    const limits = limitsText(doc);
    expect(limits).toBe('- **Two cores.** Shared.');
    expect(limitsText('# Performance\n\nnothing here\n')).toBeUndefined();

    const missed = renderMarkdown(report(b0, b1), limits);
    expect(missed).toContain('## What limits the missed targets');
    expect(missed).toContain('- **Two cores.** Shared.');
    const met = outcome('B1', [{ key: 'submissions', samples: [2000, 2000, 2000] }], [{ label: 'Submissions/s', measurement: 'submissions', target: { op: '>=', value: 1000, text: '≥ 1,000/s' } }]);
    expect(renderMarkdown(report(b0, met), limits)).not.toContain('What limits');
  });

  it('reads the section from docs/performance.md itself', () => {
    expect(limitsText()).toContain('Submissions per municipality are serial by design');
  });
});

