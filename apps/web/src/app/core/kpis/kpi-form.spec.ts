import { definition, kpiReport } from './kpi-fixtures';
import {
  canSubmit,
  decimalShown,
  isEditable,
  kpiValuesForm,
  missingRequired,
  monthlyDefinitions,
  previousValues,
  reportFor,
  toDecimal,
  toReportValues,
} from './kpi-form';

const headcount = definition('headcount');
const revenue = definition('revenue');
const customers = definition('customers', { required: false, maxValue: '1000' });
const definitions = [headcount, revenue, customers];

describe('KPI report form', () => {
  it('finds the previous period values, across a new year, or nothing', () => {
    const reports = [
      kpiReport('2026-01', { values: { headcount: '5' } }),
      kpiReport('2025-12', { values: { headcount: '4', revenue: '1000.00' } }),
    ];

    expect(previousValues(reports, '2026-01')).toEqual({ headcount: '4', revenue: '1000.00' });
    expect(previousValues(reports, '2026-02')).toEqual({ headcount: '5' });
    expect(previousValues(reports, '2025-12')).toEqual({});
    expect(reportFor(reports, '2026-01')?.id).toBe('report-2026-01');
    expect(reportFor(reports, '2026-03')).toBeNull();
  });

  it('keeps the monthly definitions only', () => {
    expect(monthlyDefinitions([headcount, definition('grants', { periodicity: 'quarterly' })])).toEqual([headcount]);
  });

  it('lets a new, draft or returned report change, not a submitted or validated one', () => {
    expect([null, 'draft', 'returned', 'submitted', 'validated'].map((s) => isEditable(s as never))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it("fills the form with the report's values, and disables it once handed in", () => {
    const draft = kpiValuesForm(definitions, kpiReport('2026-02', { values: { headcount: '4' } }));
    expect(draft.getRawValue()).toEqual({ headcount: '4', revenue: '', customers: '' });
    expect(draft.enabled).toBe(true);

    const submitted = kpiValuesForm(definitions, kpiReport('2026-02', { status: 'submitted', values: { headcount: '4' } }));
    expect(submitted.disabled).toBe(true);
    expect(kpiValuesForm(definitions, null).enabled).toBe(true);
  });

  it('shows the stored values as a French user reads and types them, and reads them back exactly', () => {
    const report = kpiReport('2026-02', { status: 'submitted', values: { headcount: '4', revenue: '15000.5', customers: '1234567' } });
    const fr = kpiValuesForm(definitions, report, 'fr');
    expect(fr.getRawValue()).toEqual({ headcount: '4', revenue: '15\u202f000,5', customers: '1\u202f234\u202f567' });
    expect(toReportValues(fr.getRawValue())).toEqual(report.values);
    expect(kpiValuesForm(definitions, report, 'en').getRawValue()).toEqual(report.values);
    expect(decimalShown('-1000.25', 'fr')).toBe('-1\u202f000,25');
    expect(decimalShown('not a number', 'fr')).toBe('not a number');
  });

  it('checks each value: a number with two decimals at most, within the bounds', () => {
    const form = kpiValuesForm(definitions, null);
    const set = (key: string, value: string) => {
      form.controls[key].setValue(value);
      return form.controls[key].errors;
    };

    expect(set('headcount', '4,5')).toBeNull();
    expect(set('headcount', '4.555')).toEqual({ decimal: true });
    expect(set('headcount', 'four')).toEqual({ decimal: true });
    expect(set('headcount', '-1')).toEqual({ min: { min: '0', actual: -1 } });
    expect(set('customers', '1001')).toEqual({ max: { max: '1000', actual: 1001 } });
    expect(set('customers', '')).toBeNull();
  });

  it('reads what users type as decimal strings, leaving empty fields out', () => {
    expect(toDecimal('1 234,5')).toBe('1234.5');
    expect(toDecimal('12.50')).toBe('12.50');
    expect(toDecimal('1.2.3')).toBeNull();
    expect(toReportValues({ headcount: ' 4 ', revenue: '15 000,50', customers: '' })).toEqual({
      headcount: '4',
      revenue: '15000.50',
    });
  });

  it('allows submitting only an editable report, valid, with every required KPI', () => {
    const complete = { headcount: '4', revenue: '100', customers: '' };

    expect(missingRequired(definitions, { headcount: '4', revenue: ' ' })).toEqual(['revenue']);
    expect(canSubmit(null, definitions, complete, true)).toBe(true);
    expect(canSubmit('returned', definitions, complete, true)).toBe(true);
    expect(canSubmit('draft', definitions, { ...complete, revenue: '' }, true)).toBe(false);
    expect(canSubmit('draft', definitions, complete, false)).toBe(false);
    expect(canSubmit('submitted', definitions, complete, true)).toBe(false);
    expect(canSubmit('validated', definitions, complete, true)).toBe(false);
  });
});
