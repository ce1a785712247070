import { anomalyOf, compareValues, formatChange, formatFactor, formatKpiValue, reportedFor } from './kpi-comparison';
import { definition, kpiReport } from './kpi-fixtures';

describe('KPI comparison with the previous period', () => {
  const definitions = [definition('headcount'), definition('revenue'), definition('customers')];

  it('puts each value beside the previous one, with the difference and the change in percent', () => {
    const rows = compareValues({ headcount: '5', revenue: '15000' }, { headcount: '4', revenue: '12000', customers: '3' }, definitions);
    expect(rows.map((r) => r.key)).toEqual(['headcount', 'revenue', 'customers']);
    expect(rows[0]).toMatchObject({ current: 5, previous: 4, difference: 1, changePercent: 25, anomaly: null });
    expect(rows[1]).toMatchObject({ current: 15000, previous: 12000, difference: 3000, changePercent: 25, anomaly: null });
    expect(rows[2]).toMatchObject({ current: null, previous: 3, difference: null, anomaly: null });
  });

  it('flags a value over three times the previous one, up or down', () => {
    expect(anomalyOf(1_500_000, 15_000, 'eur')).toEqual({ anomaly: 'jump', factor: 100 });
    expect(anomalyOf(3_000, 12_000, 'eur')).toEqual({ anomaly: 'drop', factor: 4 });
    // Exactly three times is a strong month, not an anomaly.
    expect(anomalyOf(36_000, 12_000, 'eur')).toEqual({ anomaly: null, factor: 3 });
    expect(anomalyOf(4, 12, 'count').anomaly).toBeNull();
  });

  it('flags a jump from zero only to a large value', () => {
    expect(anomalyOf(50_000, 0, 'eur').anomaly).toBe('fromZero');
    expect(anomalyOf(2_000, 0, 'eur').anomaly).toBeNull();
    expect(anomalyOf(12, 0, 'count').anomaly).toBe('fromZero');
    expect(anomalyOf(0, 40_000, 'eur').anomaly).toBe('drop');
    expect(anomalyOf(5, null, 'count').anomaly).toBeNull();
  });

  it('counts a previous report only once it was handed in', () => {
    const reports = [
      kpiReport('2026-01', { status: 'draft' }),
      kpiReport('2026-01', { startupId: 'startup-2', status: 'validated' }),
    ];
    expect(reportedFor(reports, 'startup-1', '2026-01')).toBeNull();
    expect(reportedFor(reports, 'startup-2', '2026-01')?.status).toBe('validated');
  });

  it('writes values, changes and factors the French way', () => {
    expect(formatKpiValue(15000, 'eur', 'fr')).toBe('15\u202f000 €');
    expect(formatKpiValue(3000, 'eur', 'fr', true)).toBe('+3\u202f000 €');
    expect(formatChange(9900, 'fr')).toBe('+9\u202f900\u00a0%');
    expect(formatChange(-66.7, 'en')).toBe('-67%');
    expect(formatFactor(3.5, 'fr')).toBe('×3,5');
  });
});
