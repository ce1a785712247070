import { AbstractControl, FormControl, FormGroup, ValidationErrors, ValidatorFn } from '@angular/forms';
import { KpiDefinitionResponse, KpiReportResponse, KpiReportStatus, previousPeriod } from '@incubator/contracts';
import type { Locale } from '@incubator/contracts';

export type KpiValuesForm = FormGroup<Record<string, FormControl<string>>>;

/** A report's values can be changed until it is handed in; a returned report is open again. */
export function isEditable(status: KpiReportStatus | null): boolean {
  return status === null || status === 'draft' || status === 'returned';
}

/** The definitions a monthly report asks for, in the order the API gives them. */
export function monthlyDefinitions(definitions: readonly KpiDefinitionResponse[]): KpiDefinitionResponse[] {
  return definitions.filter((definition) => definition.periodicity === 'monthly');
}

export function reportFor(reports: readonly KpiReportResponse[], period: string): KpiReportResponse | null {
  return reports.find((report) => report.period === period) ?? null;
}

/** What the startup reported for the period before `period`, by KPI key (empty when nothing). */
export function previousValues(reports: readonly KpiReportResponse[], period: string): Record<string, string> {
  return reportFor(reports, previousPeriod(period))?.values ?? {};
}

const DECIMAL = /^-?\d{1,15}(?:[.,]\d{1,2})?$/;

/** "1 234,5" → "1234.5": what a user types, as the decimal string the API reads. Null when it is not a number. */
export function toDecimal(text: string): string | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  return DECIMAL.test(compact) ? compact.replace(',', '.') : null;
}

/** A KPI value (error `decimal`, or `min`/`max` with the definition's bounds); empty is left to `required`. */
export function kpiValue(definition: KpiDefinitionResponse): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const text = typeof control.value === 'string' ? control.value.trim() : '';
    if (!text) {
      return null;
    }
    const decimal = toDecimal(text);
    if (decimal === null) {
      return { decimal: true };
    }
    const value = Number(decimal);
    if (definition.minValue !== null && value < Number(definition.minValue)) {
      return { min: { min: definition.minValue, actual: value } };
    }
    if (definition.maxValue !== null && value > Number(definition.maxValue)) {
      return { max: { max: definition.maxValue, actual: value } };
    }
    return null;
  };
}

/**
 * One control per KPI, filled with the report's values. No `Validators.required`: a draft may be
 * saved half filled; what submitting needs is checked by `missingRequired`.
 */
export function kpiValuesForm(
  definitions: readonly KpiDefinitionResponse[],
  report: KpiReportResponse | null,
  locale: Locale = 'en',
): KpiValuesForm {
  const controls: Record<string, FormControl<string>> = {};
  for (const definition of definitions) {
    controls[definition.key] = new FormControl(decimalShown(report?.values[definition.key] ?? '', locale), {
      nonNullable: true,
      validators: [kpiValue(definition)],
    });
  }
  const form: KpiValuesForm = new FormGroup(controls);
  if (!isEditable(report?.status ?? null)) {
    form.disable();
  }
  return form;
}

/**
 * A stored decimal ("15000.5") as the user reads and types it: in French "15 000,5" (narrow no-break
 * spaces between thousands, a decimal comma), in English as stored — both read back by `toDecimal`.
 */
export function decimalShown(value: string, locale: Locale): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (locale !== 'fr' || !match) return value;
  const [, sign, whole, fraction] = match;
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f')}${fraction ? `,${fraction}` : ''}`;
}

/** The keys of required KPIs left empty: a report cannot be submitted without them. */
export function missingRequired(definitions: readonly KpiDefinitionResponse[], values: Record<string, string>): string[] {
  return definitions
    .filter((definition) => definition.required && !(values[definition.key] ?? '').trim())
    .map((definition) => definition.key);
}

/** The filled values as decimal strings; empty fields are left out. */
export function toReportValues(values: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, text] of Object.entries(values)) {
    const decimal = toDecimal(text.trim());
    if (text.trim() && decimal !== null) {
      result[key] = decimal;
    }
  }
  return result;
}

/** Whether the submit button may be used: an editable report, valid values, every required KPI there. */
export function canSubmit(
  status: KpiReportStatus | null,
  definitions: readonly KpiDefinitionResponse[],
  values: Record<string, string>,
  valid: boolean,
): boolean {
  return isEditable(status) && valid && missingRequired(definitions, values).length === 0;
}
