import { renderTable, TableFormat } from '@incubator/api/sql';
import { KPI_REPORT_STATUS_LABELS, labelOf } from '@incubator/contracts';
import type { KpiDefinitionResponse, KpiReportResponse, Locale } from '@incubator/contracts';

/**
 * KPI reports as one line per startup and period, in the import's format (`startup,period,<keys…>`,
 * startup by SIREN or id) plus the columns the import reads past: an export can be corrected and
 * imported back into another organisation or after a clean-up. The header keeps the import's keys; the
 * status is the reader's word, values the stored decimals in the reader's CSV dialect (French: `;` and
 * decimal commas, which the import reads too).
 */
export function renderKpiReports(reports: KpiReportResponse[], definitions: KpiDefinitionResponse[], sirens: Map<string, string | null>, format: TableFormat, locale: Locale): Promise<Buffer> {
  const keys = definitions.map((d) => d.key);
  const headers = ['startup', 'period', 'legal_name', 'status', ...keys, 'funds_raised_eur'];
  const rows = reports.map((r) => [sirens.get(r.startupId) ?? r.startupId, r.period, r.startupName, labelOf(KPI_REPORT_STATUS_LABELS, locale, r.status), ...keys.map((k) => r.values[k] ?? ''), r.fundsRaisedEur]);
  return renderTable('KPI', headers, rows, format, locale);
}
