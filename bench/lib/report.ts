/**
 * The run's report: bench/results.json (everything, machine-readable) and bench/results.md (a
 * table per scenario with medians, ranges, ratios to the baselines measured in the same run, and
 * the targets of issue 7, which are reported here and never asserted in a test).
 */
import { formatFigure, summarize, type Summary } from './stats.js';
import type { Comparison, Measurement, ScenarioResult } from './scenario.js';

export interface RunMeta {
  date: string;
  commit: string;
  size: string;
  cpus: string;
  memory: string;
  node: string;
  postgres: string;
  seconds: number;
  budgetSeconds: number;
}

export interface ScenarioOutcome {
  id: string;
  title: string;
  description: string;
  status: 'ok' | 'failed' | 'skipped';
  error?: string;
  seconds: number;
  result?: ScenarioResult;
}

export interface RunReport {
  meta: RunMeta;
  scenarios: ScenarioOutcome[];
}

/** A comparison with its numbers filled in from this run. */
export interface ResolvedComparison {
  label: string;
  value: Summary;
  unit: string;
  baseline?: { label: string; value: Summary; unit: string };
  ratio?: number;
  target?: Comparison['target'];
  met?: boolean;
}

function findMeasurement(report: RunReport, own: ScenarioOutcome, key: string): Measurement | undefined {
  const [scenarioId, measurementKey] = key.includes(':') ? (key.split(':', 2) as [string, string]) : [own.id, key];
  return report.scenarios.find((s) => s.id === scenarioId)?.result?.measurements.find((m) => m.key === measurementKey);
}

function meets(value: number, target: NonNullable<Comparison['target']>): boolean {
  if (!Number.isFinite(value)) return false;
  switch (target.op) {
    case '>=':
      return value >= target.value;
    case '>':
      return value > target.value;
    case '<=':
      return value <= target.value;
    case '<':
      return value < target.value;
  }
}

/** The figures of one comparison: medians, the ratio to the baseline, whether the target is met. */
export function resolveComparison(report: RunReport, outcome: ScenarioOutcome, c: Comparison): ResolvedComparison | undefined {
  const m = findMeasurement(report, outcome, c.measurement);
  if (!m) return undefined;
  const value = summarize(m.samples);
  const out: ResolvedComparison = { label: c.label, value, unit: m.unit };
  if (c.baseline) {
    const b = findMeasurement(report, outcome, c.baseline);
    if (b) {
      const baseline = summarize(b.samples);
      out.baseline = { label: b.label, value: baseline, unit: b.unit };
      out.ratio = value.median / baseline.median;
    }
  }
  if (c.target) {
    out.target = c.target;
    out.met = meets(value.median, c.target);
  }
  return out;
}

const range = (s: Summary) => `${formatFigure(s.min)}–${formatFigure(s.max)}`;
const ratioText = (r?: number) => (r === undefined || !Number.isFinite(r) ? '' : `${formatFigure(r)}×`);
const metText = (c: ResolvedComparison) => (c.met === undefined ? '' : c.met ? 'met' : '**missed**');

function scenarioSection(report: RunReport, s: ScenarioOutcome): string[] {
  const lines = [`## ${s.id} — ${s.title}`, '', s.description, ''];
  // The stack stays in results.json; the page shows what went wrong.
  const message = (s.error ?? '').split('\n').filter((l) => !/^\s+at /.test(l)).join(' ').slice(0, 800);
  if (s.status !== 'ok') lines.push(`**${s.status === 'skipped' ? 'Skipped' : 'Failed'}:** ${message}`, '');
  const r = s.result;
  if (!r) return lines;
  if (r.measurements.length > 0) {
    lines.push('| figure | median | min–max | unit | n |', '|---|---:|---:|---|---:|');
    for (const m of r.measurements) {
      const v = summarize(m.samples);
      lines.push(`| ${m.label} | ${formatFigure(v.median)} | ${range(v)} | ${m.unit} | ${v.n} |`);
    }
    lines.push('');
  }
  const resolved = r.comparisons.map((c) => resolveComparison(report, s, c)).filter((c) => c !== undefined);
  if (resolved.length > 0) {
    lines.push('| comparison | median | baseline (median) | ratio | target | |', '|---|---:|---|---:|---|---|');
    for (const c of resolved) {
      const base = c.baseline ? `${c.baseline.label}: ${formatFigure(c.baseline.value.median)} ${c.baseline.unit}` : '';
      lines.push(`| ${c.label} | ${formatFigure(c.value.median)} ${c.unit} | ${base} | ${ratioText(c.ratio)} | ${c.target?.text ?? ''} | ${metText(c)} |`);
    }
    lines.push('');
  }
  if (r.checks.length > 0) {
    lines.push('Checks:', '');
    for (const c of r.checks) lines.push(`- ${c.ok ? 'passed' : '**FAILED**'}: ${c.name}${c.detail ? ` — ${c.detail}` : ''}`);
    lines.push('');
  }
  if (r.notes.length > 0) {
    lines.push('Notes:', '');
    for (const n of r.notes) lines.push(`- ${n}`);
    lines.push('');
  }
  return lines;
}

/** bench/results.md; `limits` is what limits the missed targets (see limits.ts). */
export function renderMarkdown(report: RunReport, limits?: string): string {
  const { meta } = report;
  const targets = report.scenarios.flatMap((s) =>
    (s.result?.comparisons ?? [])
      .filter((c) => c.target)
      .map((c) => ({ s, c: resolveComparison(report, s, c) }))
      .filter((x) => x.c !== undefined),
  );
  return [
    '# Benchmark results',
    '',
    `Written by \`npm run bench${meta.size === 'quick' ? ' -- --quick' : ''}\`; how to read and reproduce it: [docs/performance.md](../docs/performance.md).`,
    '',
    '| run | |',
    '|---|---|',
    `| date | ${meta.date} |`,
    `| git commit | ${meta.commit} |`,
    `| size | ${meta.size} (took ${Math.round(meta.seconds)} s of a ${meta.budgetSeconds} s budget) |`,
    `| machine | ${meta.cpus}, ${meta.memory} |`,
    `| Node | ${meta.node} |`,
    `| PostgreSQL | ${meta.postgres} |`,
    '',
    'Each figure is the median of its repetitions with the min–max range. Ratios compare medians',
    'measured in this run on this machine; the targets are those of issue 7.',
    '',
    '## Targets',
    '',
    '| scenario | figure | median | target | |',
    '|---|---|---:|---|---|',
    ...targets.map(({ s, c }) => `| ${s.id} | ${c!.label} | ${formatFigure(c!.value.median)} ${c!.unit} | ${c!.target!.text} | ${metText(c!)} |`),
    ...report.scenarios.filter((s) => s.status !== 'ok').map((s) => `| ${s.id} | ${s.status} | | | ${s.error?.split('\n')[0] ?? ''} |`),
    '',
    ...(limits && targets.some(({ c }) => c!.met === false)
      ? ['## What limits the missed targets', '', 'From [docs/performance.md](../docs/performance.md) as it stood when these results were written.', '', limits, '']
      : []),
    ...report.scenarios.flatMap((s) => scenarioSection(report, s)),
  ].join('\n')
    .replace(/\n*$/, '\n');
}
