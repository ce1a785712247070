import { checkKpiValues, compareDecimals, KpiRule, trimZeros } from './kpi-values';

const rules: KpiRule[] = [
  { id: 'h', key: 'headcount', unit: 'count', required: true, minValue: '0.0000', maxValue: '5000.0000' },
  { id: 'r', key: 'revenue', unit: 'eur', required: true, minValue: '0', maxValue: null },
  { id: 'c', key: 'customers', unit: 'count', required: false, minValue: null, maxValue: null },
];

describe('checkKpiValues', () => {
  it('accepts numbers and decimal strings, normalised by definition id', () => {
    const { values, problems } = checkKpiValues(rules, { headcount: 4.5, revenue: '12000.10' }, { requireAll: true });
    expect(problems).toEqual({});
    expect(values.get('h')).toBe('4.5');
    expect(values.get('r')).toBe('12000.10');
  });

  it('names each bad key: negative, too many decimals, out of bounds, unknown, not a number', () => {
    const { problems } = checkKpiValues(
      rules,
      { headcount: -1, revenue: '10.001', customers: 'many', burn_rate: 3 },
      { requireAll: false },
    );
    expect(problems['headcount'].en).toBe('must be at least 0');
    expect(problems['revenue'].en).toContain('at most 2 decimals');
    expect(problems['customers'].en).toContain('must be a number');
    expect(problems['burn_rate'].en).toBe('unknown KPI for this period');
    expect(checkKpiValues(rules, { headcount: 5001 }, { requireAll: false }).problems['headcount'].fr).toBe('doit être au plus 5000');
  });

  it('requires the required KPIs only when submitting', () => {
    expect(checkKpiValues(rules, { headcount: 3 }, { requireAll: false }).problems).toEqual({});
    expect(Object.keys(checkKpiValues(rules, { headcount: 3 }, { requireAll: true }).problems)).toEqual(['revenue']);
  });
});

describe('decimal helpers', () => {
  it('compares decimals exactly', () => {
    expect(compareDecimals('0.1', '0.10')).toBe(0);
    expect(compareDecimals('-0.5', '0')).toBe(-1);
    expect(compareDecimals('10000000000000001', '10000000000000000')).toBe(1);
    expect(trimZeros('5000.0000')).toBe('5000');
    expect(trimZeros('0.5000')).toBe('0.5');
  });
});
