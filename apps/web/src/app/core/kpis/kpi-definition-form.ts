import { AbstractControl, FormControl, FormGroup, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';
import {
  CreateKpiDefinitionRequest,
  KPI_AGGREGATIONS,
  KPI_KEY_PATTERN,
  KPI_PERIODICITIES,
  KPI_UNITS,
  KpiAggregation,
  KpiPeriodicity,
  KpiUnit,
} from '@incubator/contracts';

/** The API's syntax for a sanity bound: up to 15 digits and 4 decimals. */
const BOUND = /^-?\d{1,15}(\.\d{1,4})?$/;

/** The API's limit on each label. */
export const KPI_LABEL_MAX_LENGTH = 120;

export type KpiDefinitionForm = FormGroup<{
  key: FormControl<string>;
  labelFr: FormControl<string>;
  labelEn: FormControl<string>;
  unit: FormControl<string>;
  aggregation: FormControl<string>;
  periodicity: FormControl<string>;
  required: FormControl<boolean>;
  minValue: FormControl<string>;
  maxValue: FormControl<string>;
  programId: FormControl<string>;
}>;

export type KpiDefinitionFormValue = ReturnType<KpiDefinitionForm['getRawValue']>;

/** "1 000,5" → "1000.5": a bound as typed, as the decimal string the API reads. Null when it is not one. */
export function toBound(text: string): string | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return BOUND.test(compact) ? compact : null;
}

/** Error `kpiKey` unless lower-case snake case, 2 to 40 characters, starting with a letter; empty is left to `required`. */
export const kpiKey: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const text = typeof control.value === 'string' ? control.value.trim() : '';
  return !text || KPI_KEY_PATTERN.test(text) ? null : { kpiKey: true };
};

/** Error `bound` unless empty or a decimal number the API accepts. */
export const kpiBound: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const text = typeof control.value === 'string' ? control.value.trim() : '';
  return !text || toBound(text) !== null ? null : { bound: true };
};

/** On the maximum: error `boundsOrder` when both bounds are numbers and the maximum is below the minimum. */
export const boundsOrder: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const min = toBound(String(control.parent?.get('minValue')?.value ?? '').trim());
  const max = toBound(String(control.value ?? '').trim());
  return min !== null && max !== null && Number(max) < Number(min) ? { boundsOrder: true } : null;
};

export function kpiDefinitionForm(): KpiDefinitionForm {
  const form: KpiDefinitionForm = new FormGroup({
    key: new FormControl('', { nonNullable: true, validators: [Validators.required, kpiKey] }),
    labelFr: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(KPI_LABEL_MAX_LENGTH)],
    }),
    labelEn: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(KPI_LABEL_MAX_LENGTH)],
    }),
    unit: new FormControl<string>('count', { nonNullable: true, validators: [Validators.required] }),
    aggregation: new FormControl<string>('sum', { nonNullable: true, validators: [Validators.required] }),
    periodicity: new FormControl<string>('monthly', { nonNullable: true, validators: [Validators.required] }),
    required: new FormControl(false, { nonNullable: true }),
    minValue: new FormControl('', { nonNullable: true, validators: [kpiBound] }),
    maxValue: new FormControl('', { nonNullable: true, validators: [kpiBound, boundsOrder] }),
    programId: new FormControl('', { nonNullable: true }),
  });
  // The maximum is checked against the minimum: check it again when the minimum changes.
  form.controls.minValue.valueChanges.subscribe(() => form.controls.maxValue.updateValueAndValidity());
  return form;
}

function oneOf<T extends string>(values: readonly T[], value: string): T {
  if (!(values as readonly string[]).includes(value)) {
    throw new Error(`Unexpected value: ${value}`);
  }
  return value as T;
}

/** What the API is sent: trimmed texts, bounds as decimal strings; empty bounds and "every program" left out. */
export function toDefinitionRequest(value: KpiDefinitionFormValue): CreateKpiDefinitionRequest {
  const request: CreateKpiDefinitionRequest = {
    key: value.key.trim(),
    labelFr: value.labelFr.trim(),
    labelEn: value.labelEn.trim(),
    unit: oneOf<KpiUnit>(KPI_UNITS, value.unit),
    aggregation: oneOf<KpiAggregation>(KPI_AGGREGATIONS, value.aggregation),
    periodicity: oneOf<KpiPeriodicity>(KPI_PERIODICITIES, value.periodicity),
    required: value.required,
  };
  const minValue = toBound(value.minValue.trim());
  const maxValue = toBound(value.maxValue.trim());
  if (value.minValue.trim() && minValue !== null) {
    request.minValue = minValue;
  }
  if (value.maxValue.trim() && maxValue !== null) {
    request.maxValue = maxValue;
  }
  if (value.programId) {
    request.programId = value.programId;
  }
  return request;
}

/** "0 – 100", "≥ 0", "≤ 100" or "—" for a definition's inclusive bounds. */
export function formatBounds(minValue: string | null, maxValue: string | null, locale: string): string {
  const number = (decimal: string) => new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(Number(decimal));
  if (minValue !== null && maxValue !== null) {
    return `${number(minValue)} – ${number(maxValue)}`;
  }
  if (minValue !== null) {
    return `≥ ${number(minValue)}`;
  }
  if (maxValue !== null) {
    return `≤ ${number(maxValue)}`;
  }
  return '—';
}
