import { AbstractControl, FormControl, FormGroup, NonNullableFormBuilder, ValidationErrors, Validators } from '@angular/forms';
import { ProgramKind } from '@incubator/contracts';
import { wholeNumber } from '../forms/form-validation';
import { addDays } from '../programs/cohort-dates';
import { euroAmount, eurosToCents } from './money';
import { today } from './today';

/** An office request as typed: who, how much space, from when to when, which program, at what price. */
export type OfficeRequestForm = FormGroup<{
  startupId: FormControl<string>;
  areaM2: FormControl<string>;
  startsOn: FormControl<string>;
  /** The last day, inclusive; empty for an open-ended request. */
  lastDay: FormControl<string>;
  programKind: FormControl<string>;
  /** Euros per m² and month as typed ("15,50"). */
  price: FormControl<string>;
}>;

export interface OfficeRequestDefaults {
  startupId?: string;
  areaM2?: string;
  startsOn?: string;
  lastDay?: string;
  programKind?: string;
  price?: string;
}

/** A price as euros with at most two decimals (the form's message `decimal`); empty is left to `required`. */
export function euroPrice(control: AbstractControl): ValidationErrors | null {
  return euroAmount(control) ? { decimal: true } : null;
}

/** The last day may be the first (a one-day lease), not before it (message `lastDayBeforeFirst`). */
export function lastDayNotBeforeFirst(group: AbstractControl): ValidationErrors | null {
  const { startsOn, lastDay } = (group as OfficeRequestForm).getRawValue();
  const invalid = !!startsOn && !!lastDay && lastDay < startsOn;
  const control = (group as OfficeRequestForm).controls.lastDay;
  if (invalid !== control.hasError('lastDayBeforeFirst')) {
    const others = { ...control.errors };
    delete others['lastDayBeforeFirst'];
    control.setErrors(invalid ? { ...others, lastDayBeforeFirst: true } : Object.keys(others).length ? others : null);
  }
  return null;
}

/**
 * The office-request form the allocate panel and the waitlist share. The area is text with a numeric
 * keyboard rather than type="number" (no spinner to change it by accident). The price is required on
 * the waitlist (the offer's price); on the allocate panel an empty price takes the list price.
 */
export function officeRequestForm(fb: NonNullableFormBuilder, options: { priceRequired: boolean; defaults?: OfficeRequestDefaults }): OfficeRequestForm {
  const d = options.defaults ?? {};
  return fb.group(
    {
      startupId: [d.startupId ?? '', Validators.required],
      areaM2: [d.areaM2 ?? '', [Validators.required, Validators.min(1), wholeNumber]],
      startsOn: [d.startsOn ?? today(), Validators.required],
      lastDay: [d.lastDay ?? ''],
      programKind: [d.programKind ?? 'incubator', Validators.required],
      price: [d.price ?? '', options.priceRequired ? [Validators.required, euroPrice] : [euroPrice]],
    },
    { validators: lastDayNotBeforeFirst },
  );
}

export interface OfficeRequestValue {
  startupId: string;
  areaM2: number;
  startsOn: string;
  /** Exclusive: the day after the last day typed; absent when open-ended. */
  endsOn?: string;
  programKind: ProgramKind;
  /** Cents per m² and month; null when no price was typed. */
  priceCents: number | null;
}

/** The request as the API takes it: numbers, and the last day typed as the exclusive end. */
export function officeRequestValue(form: OfficeRequestForm): OfficeRequestValue {
  const value = form.getRawValue();
  return {
    startupId: value.startupId,
    areaM2: Number(value.areaM2),
    startsOn: value.startsOn,
    ...(value.lastDay ? { endsOn: addDays(value.lastDay, 1) } : {}),
    programKind: value.programKind as ProgramKind,
    priceCents: value.price.trim() === '' ? null : eurosToCents(value.price),
  };
}
