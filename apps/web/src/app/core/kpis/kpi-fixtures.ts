import { KpiDefinitionResponse, KpiReportResponse } from '@incubator/contracts';

/** Test data: the standard definitions and a report, with what each test changes. */
export function definition(key: string, overrides: Partial<KpiDefinitionResponse> = {}): KpiDefinitionResponse {
  return {
    id: `def-${key}`,
    key,
    labelFr: key,
    labelEn: key,
    unit: key === 'revenue' ? 'eur' : 'count',
    aggregation: 'sum',
    periodicity: 'monthly',
    required: true,
    minValue: '0',
    maxValue: null,
    programId: null,
    standard: true,
    ...overrides,
  };
}

export function kpiReport(period: string, overrides: Partial<KpiReportResponse> = {}): KpiReportResponse {
  const [year, month] = period.split('-').map(Number);
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
  return {
    id: `report-${period}`,
    startupId: 'startup-1',
    startupName: 'Acme SAS',
    period,
    periodStart: `${period}-01`,
    periodEnd: `${next}-01`,
    dueOn: `${next}-16`,
    status: 'draft',
    values: {},
    fundsRaisedEur: '0.00',
    returnComment: null,
    submittedAt: null,
    validatedAt: null,
    updatedAt: '2026-03-01T00:00:00Z',
    ...overrides,
  };
}
