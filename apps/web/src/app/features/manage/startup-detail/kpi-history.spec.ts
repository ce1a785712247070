import { kpiReport } from '../../../core/kpis/kpi-fixtures';
import { kpiSeries } from './kpi-history';

describe('kpiSeries', () => {
  it('puts a KPI of the reports in period order, leaving out the reports without it', () => {
    const reports = [
      kpiReport('2026-03', { values: { headcount: '6', revenue: '300.50' } }),
      kpiReport('2025-12', { values: { headcount: '4' } }),
      kpiReport('2026-01', { values: { revenue: '100' } }),
    ];

    expect(kpiSeries(reports, 'headcount')).toEqual({ periods: ['2025-12', '2026-03'], values: [4, 6] });
    expect(kpiSeries(reports, 'revenue')).toEqual({ periods: ['2026-01', '2026-03'], values: [100, 300.5] });
    expect(kpiSeries([], 'revenue')).toEqual({ periods: [], values: [] });
  });
});
