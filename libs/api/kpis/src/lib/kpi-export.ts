import { renderTable, TableFormat } from '@incubator/api/sql';
import type { KpiDefinitionResponse, KpiReportResponse } from '@incubator/contracts';

/**
 * KPI reports as one line per startup and period, in the import's format (`startup,period,<keys…>`,
 * startup by SIREN or id) plus the columns the import reads past: an export can be corrected and
 * imported back into another organisation or after a clean-up. Values are the stored decimals.
 */
export function renderKpiReports(reports: KpiReportResponse[], definitions: KpiDefinitionResponse[], sirens: Map<string, string | null>, format: TableFormat): Promise<Buffer> {
  const keys = definitions.map((d) => d.key);
  const headers = ['startup', 'legal_name', 'period', 'status', ...keys, 'funds_raised_eur'];
  const rows = reports.map((r) => [sirens.get(r.startupId) ?? r.startupId, r.startupName, r.period, r.status, ...keys.map((k) => r.values[k] ?? ''), r.fundsRaisedEur]);
  return renderTable('KPI', headers, rows, format);
}
