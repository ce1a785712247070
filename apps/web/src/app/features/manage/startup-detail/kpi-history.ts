import { KpiReportResponse } from '@incubator/contracts';

export interface KpiSeries {
  /** Periods, oldest first. */
  periods: string[];
  /** The KPI's value in each period, null where the report leaves it out. */
  values: (number | null)[];
}

/** One KPI over a startup's reports (any order in), oldest period first; reports without the KPI are left out. */
export function kpiSeries(reports: readonly KpiReportResponse[], key: string): KpiSeries {
  const points = reports
    .filter((report) => report.values[key] !== undefined && report.values[key] !== '')
    .sort((a, b) => a.periodStart.localeCompare(b.periodStart));
  return {
    periods: points.map((report) => report.period),
    values: points.map((report) => Number(report.values[key])),
  };
}
