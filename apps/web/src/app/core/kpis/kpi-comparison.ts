import { KpiDefinitionResponse, KpiReportResponse, KpiReportStatus, KpiUnit, Locale } from '@incubator/contracts';

/** A value more than this many times the previous period's (or less than its inverse) is flagged. */
export const ANOMALY_FACTOR = 3;

/**
 * From zero, a ratio means nothing: a value is flagged from this size on. Ten people, ten thousand
 * euros or fifty points are what a typing slip (an extra zero, euros for thousands) looks like.
 */
export const LARGE_FROM_ZERO: Readonly<Record<KpiUnit, number>> = { count: 10, eur: 10_000, percent: 50 };

/** `jump`/`drop`: over ANOMALY_FACTOR times up or down; `fromZero`: from 0 to a large value. */
export type KpiAnomaly = 'jump' | 'drop' | 'fromZero';

export interface KpiComparison {
  key: string;
  definition: KpiDefinitionResponse | null;
  current: number | null;
  previous: number | null;
  /** current − previous, when both are there. */
  difference: number | null;
  /** The change in percent of the previous value; null when there is no previous value or it is 0. */
  changePercent: number | null;
  /** How many times the previous value (always ≥ 1: 100 for ×100 as for ÷100). */
  factor: number | null;
  anomaly: KpiAnomaly | null;
}

/** The statuses whose values count as what a startup reported (a draft or a returned report does not). */
export const REPORTED_STATUSES: readonly KpiReportStatus[] = ['submitted', 'validated'];

function toNumber(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') {
    return null;
  }
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

export function anomalyOf(current: number | null, previous: number | null, unit: KpiUnit): { anomaly: KpiAnomaly | null; factor: number | null } {
  if (current === null || previous === null) {
    return { anomaly: null, factor: null };
  }
  if (previous === 0) {
    return { anomaly: Math.abs(current) >= LARGE_FROM_ZERO[unit] ? 'fromZero' : null, factor: null };
  }
  if (current === 0) {
    // Down to nothing: a startup that lost its revenue, or a field left at 0 by mistake; worth a look from a large value.
    return { anomaly: Math.abs(previous) >= LARGE_FROM_ZERO[unit] ? 'drop' : null, factor: null };
  }
  const ratio = Math.abs(current) / Math.abs(previous);
  const factor = ratio >= 1 ? ratio : 1 / ratio;
  if (Math.sign(current) !== Math.sign(previous)) {
    return { anomaly: null, factor: null };
  }
  return { anomaly: factor > ANOMALY_FACTOR ? (ratio > 1 ? 'jump' : 'drop') : null, factor };
}

/**
 * Each KPI of a report beside the previous period's value: the definitions' order, then keys no
 * definition names any more. KPIs in neither report are left out.
 */
export function compareValues(
  current: Record<string, string>,
  previous: Record<string, string>,
  definitions: readonly KpiDefinitionResponse[],
): KpiComparison[] {
  const keys = [
    ...definitions.map((d) => d.key),
    ...Object.keys(current).filter((key) => !definitions.some((d) => d.key === key)),
  ];
  return keys
    .filter((key) => current[key] !== undefined || previous[key] !== undefined)
    .map((key) => {
      const definition = definitions.find((d) => d.key === key) ?? null;
      const now = toNumber(current[key]);
      const before = toNumber(previous[key]);
      const { anomaly, factor } = anomalyOf(now, before, definition?.unit ?? 'count');
      return {
        key,
        definition,
        current: now,
        previous: before,
        difference: now !== null && before !== null ? now - before : null,
        changePercent: now !== null && before !== null && before !== 0 ? ((now - before) / Math.abs(before)) * 100 : null,
        factor,
        anomaly,
      };
    });
}

export function anomalies(comparisons: readonly KpiComparison[]): KpiComparison[] {
  return comparisons.filter((c) => c.anomaly !== null);
}

/** The report of a startup for a period among `reports`, if it was handed in. */
export function reportedFor(reports: readonly KpiReportResponse[], startupId: string, period: string): KpiReportResponse | null {
  return reports.find((r) => r.startupId === startupId && r.period === period && REPORTED_STATUSES.includes(r.status)) ?? null;
}

/** "12", "15 000 €", "4,5 %": a KPI value in the user's language. */
export function formatKpiValue(value: number | null, unit: KpiUnit, locale: Locale, signed = false): string {
  if (value === null) {
    return '—';
  }
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, signDisplay: signed ? 'exceptZero' : 'auto' }).format(value);
  return unit === 'eur' ? `${text} €` : unit === 'percent' ? `${text} %` : text;
}

/** "+150 %", "−67 %". */
export function formatChange(percent: number | null, locale: Locale): string {
  if (percent === null) {
    return '—';
  }
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(percent / 100);
}

/** "×100", "×3,5": how many times, for the explanation of a flag. */
export function formatFactor(factor: number | null, locale: Locale): string {
  return factor === null ? '' : `×${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(factor)}`;
}
