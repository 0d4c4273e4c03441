/**
 * The dashboard's figures turned into what the page shows: two stacked bar charts (received per
 * week by service and by current state), each with the same numbers as a table, the processing
 * times and automation rate per service, and the headline numbers.
 */
import type { Locale, Translate } from '../../platform/i18n/i18n.js';
import { stackedBarChart, type StackedBarChart } from './bar-chart.js';
import type { CaseLabels } from './case-labels.js';
import type { DashboardFigures, WeeklyCount } from './dashboard-queries.js';

export interface WeeklyTable {
  caption: string;
  columns: string[];
  rows: { label: string; values: number[]; total: number }[];
  totals: number[];
  total: number;
}

export interface ProcessingRow {
  label: string;
  closed: number;
  median: string;
  p90: string;
  automatic: number;
  rate: string;
}

function weekLabel(week: string, locale: Locale): string {
  const f = new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { timeZone: 'UTC', day: '2-digit', month: '2-digit' });
  return f.format(new Date(`${week}T12:00:00Z`));
}

/** Seconds as days (or hours below one day), one decimal. */
export function formatDuration(seconds: number | null, locale: Locale, t: Translate): string {
  if (seconds === null) return '–';
  const number = (v: number) => new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);
  return seconds < 86_400 ? t('backoffice.duration.hours', { value: number(seconds / 3600) }) : t('backoffice.duration.days', { value: number(seconds / 86_400) });
}

/** A share as a percentage, or a dash when there is nothing to divide. */
export function formatRate(part: number, whole: number, locale: Locale): string {
  if (whole === 0) return '–';
  return new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(part / whole);
}

interface Breakdown {
  id: string;
  title: string;
  description: string;
  seriesOf: (c: WeeklyCount) => { key: string; label: string };
}

function weeklyBreakdown(figures: DashboardFigures, b: Breakdown, locale: Locale, t: Translate): { chart: StackedBarChart; table: WeeklyTable } {
  const series = new Map<string, string>();
  const cells = new Map<string, number>();
  for (const c of figures.weekly) {
    const s = b.seriesOf(c);
    series.set(s.key, s.label);
    cells.set(`${c.week}|${s.key}`, (cells.get(`${c.week}|${s.key}`) ?? 0) + c.count);
  }
  const seriesList = [...series.entries()].map(([key, label]) => ({ key, label })).sort((a, b2) => a.label.localeCompare(b2.label, locale));
  const value = (week: string, key: string) => cells.get(`${week}|${key}`) ?? 0;
  const categories = figures.weeks.map((w) => ({ key: w, label: weekLabel(w, locale) }));
  const rows = categories.map((c) => {
    const values = seriesList.map((s) => value(c.key, s.key));
    return { label: t('backoffice.dashboard.weekOf', { date: c.label }), values, total: values.reduce((a, v) => a + v, 0) };
  });
  const totals = seriesList.map((_, i) => rows.reduce((a, r) => a + r.values[i]!, 0));
  const total = totals.reduce((a, v) => a + v, 0);
  const chart = stackedBarChart({ id: b.id, title: b.title, description: `${b.description} ${t('backoffice.dashboard.chartTotal', { total })}`, categories, series: seriesList, value });
  return { chart, table: { caption: b.title, columns: seriesList.map((s) => s.label), rows, totals, total } };
}

/** Builds the dashboard's view model. */
export function dashboardView(figures: DashboardFigures, labels: CaseLabels, t: Translate) {
  const locale = labels.locale;
  const byService = weeklyBreakdown(
    figures,
    {
      id: 'chart-service',
      title: t('backoffice.dashboard.byService'),
      description: t('backoffice.dashboard.byServiceDesc', { weeks: figures.weeks.length }),
      seriesOf: (c) => ({ key: c.serviceId, label: labels.serviceName(c.serviceId) }),
    },
    locale,
    t,
  );
  const byState = weeklyBreakdown(
    figures,
    {
      id: 'chart-state',
      title: t('backoffice.dashboard.byState'),
      description: t('backoffice.dashboard.byStateDesc', { weeks: figures.weeks.length }),
      seriesOf: (c) => {
        const label = labels.stateName(c.serviceId, c.serviceVersion, c.state);
        return { key: label, label };
      },
    },
    locale,
    t,
  );
  const processing: ProcessingRow[] = figures.processing
    .map((p) => ({
      label: p.serviceId === null ? t('backoffice.dashboard.allServices') : labels.serviceName(p.serviceId),
      closed: p.closed,
      median: formatDuration(p.medianSeconds, locale, t),
      p90: formatDuration(p.p90Seconds, locale, t),
      automatic: p.automatic,
      rate: formatRate(p.automatic, p.closed, locale),
      all: p.serviceId === null,
    }))
    .sort((a, b) => (a.all === b.all ? a.label.localeCompare(b.label, locale) : a.all ? 1 : -1));
  const overall = figures.processing.find((p) => p.serviceId === null);
  return {
    received: byService.table.total,
    closed: overall?.closed ?? 0,
    median: formatDuration(overall?.medianSeconds ?? null, locale, t),
    p90: formatDuration(overall?.p90Seconds ?? null, locale, t),
    automationRate: formatRate(overall?.automatic ?? 0, overall?.closed ?? 0, locale),
    open: figures.open,
    overdue: figures.overdue,
    byService,
    byState,
    processing,
  };
}
