import { boundsOrder, formatBounds, kpiDefinitionForm, toBound, toDefinitionRequest } from './kpi-definition-form';

describe('KPI definition form', () => {
  function filled() {
    const form = kpiDefinitionForm();
    form.patchValue({ key: 'burn_rate', labelFr: 'Consommation', labelEn: 'Burn rate', unit: 'eur', aggregation: 'average' });
    return form;
  }

  it('starts with the usual choices and is invalid until key and labels are given', () => {
    const form = kpiDefinitionForm();
    expect(form.getRawValue()).toEqual({
      key: '',
      labelFr: '',
      labelEn: '',
      unit: 'count',
      aggregation: 'sum',
      periodicity: 'monthly',
      required: false,
      minValue: '',
      maxValue: '',
      programId: '',
    });
    expect(form.controls.key.hasError('required')).toBe(true);
    expect(form.controls.labelFr.hasError('required')).toBe(true);
    expect(filled().valid).toBe(true);
  });

  it.each(['Burn_rate', 'b', '1rate', 'burn-rate', 'a'.repeat(41)])('refuses the key %s', (key) => {
    const form = filled();
    form.controls.key.setValue(key);
    expect(form.controls.key.hasError('kpiKey')).toBe(true);
  });

  it.each(['ab', 'burn_rate', 'mrr_2026', 'a'.repeat(40)])('accepts the key %s', (key) => {
    const form = filled();
    form.controls.key.setValue(key);
    expect(form.controls.key.errors).toBeNull();
  });

  it('refuses labels over 120 characters', () => {
    const form = filled();
    form.controls.labelEn.setValue('x'.repeat(121));
    expect(form.controls.labelEn.hasError('maxlength')).toBe(true);
  });

  it('reads bounds as typed, with a comma or spaces, up to four decimals', () => {
    expect(toBound('1 000,5')).toBe('1000.5');
    expect(toBound('-3.1415')).toBe('-3.1415');
    expect(toBound('1.23456')).toBeNull();
    expect(toBound('abc')).toBeNull();
    expect(toBound('')).toBeNull();

    const form = filled();
    form.controls.minValue.setValue('ten');
    expect(form.controls.minValue.hasError('bound')).toBe(true);
    form.controls.minValue.setValue('10');
    expect(form.controls.minValue.errors).toBeNull();
  });

  it('refuses a maximum below the minimum, and checks again when the minimum changes', () => {
    const form = filled();
    form.controls.minValue.setValue('100');
    form.controls.maxValue.setValue('50');
    expect(form.controls.maxValue.hasError('boundsOrder')).toBe(true);
    expect(form.valid).toBe(false);

    form.controls.minValue.setValue('50');
    expect(form.controls.maxValue.errors).toBeNull();
    form.controls.minValue.setValue('50,5');
    expect(form.controls.maxValue.hasError('boundsOrder')).toBe(true);

    // One bound alone is fine.
    form.controls.minValue.setValue('');
    expect(form.controls.maxValue.errors).toBeNull();
    expect(boundsOrder(form.controls.minValue)).toBeNull();
  });

  it('sends trimmed texts, bounds as decimal strings, and leaves out what is empty', () => {
    const form = filled();
    form.patchValue({ key: ' burn_rate ', labelFr: ' Consommation ', required: true });
    expect(toDefinitionRequest(form.getRawValue())).toEqual({
      key: 'burn_rate',
      labelFr: 'Consommation',
      labelEn: 'Burn rate',
      unit: 'eur',
      aggregation: 'average',
      periodicity: 'monthly',
      required: true,
    });

    form.patchValue({ minValue: '0', maxValue: '1 000 000,25', programId: 'program-1', periodicity: 'quarterly' });
    expect(toDefinitionRequest(form.getRawValue())).toEqual({
      key: 'burn_rate',
      labelFr: 'Consommation',
      labelEn: 'Burn rate',
      unit: 'eur',
      aggregation: 'average',
      periodicity: 'quarterly',
      required: true,
      minValue: '0',
      maxValue: '1000000.25',
      programId: 'program-1',
    });
  });

  it('refuses to build a request with an unknown unit', () => {
    const form = filled();
    form.controls.unit.setValue('dollars');
    expect(() => toDefinitionRequest(form.getRawValue())).toThrow('Unexpected value: dollars');
  });

  it('shows the bounds of a definition', () => {
    expect(formatBounds('0', '100', 'en')).toBe('0 – 100');
    expect(formatBounds('0', null, 'en')).toBe('≥ 0');
    expect(formatBounds(null, '1000.5', 'en')).toBe('≤ 1,000.5');
    expect(formatBounds(null, null, 'en')).toBe('—');
  });
});
