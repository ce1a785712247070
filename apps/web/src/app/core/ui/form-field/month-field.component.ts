import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  effect,
  inject,
  Injectable,
  input,
} from '@angular/core';
import { FormControl, FormGroupDirective, NgForm, ReactiveFormsModule } from '@angular/forms';
import { DateAdapter, ErrorStateMatcher, MAT_DATE_FORMATS, MatDateFormats } from '@angular/material/core';
import { MatDatepicker, MatDatepickerIntl, MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { FieldErrorComponent } from '../../forms/field-error.component';
import { LocaleService } from '../../i18n/locale.service';
import { TranslatedDatepickerIntl } from './date-field.component';
import { LocaleDateAdapter } from './locale-date-adapter';

const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/** Months typed as 03/2026 (or 3/2026, or 2026-03) and shown as 03/2026 in either language. */
@Injectable()
export class LocaleMonthAdapter extends LocaleDateAdapter {
  override parse(value: unknown): Date | null {
    if (value instanceof Date || typeof value === 'number') {
      return super.parse(value);
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (!text) {
      return null;
    }
    const iso = ISO_MONTH.exec(text);
    const numbers = iso ? [iso[2], iso[1]] : text.split(/[^\d]+/).filter(Boolean);
    if (numbers.length !== 2) {
      return this.invalid();
    }
    const month = Number(numbers[0]);
    const year = Number(numbers[1]) < 100 ? 2000 + Number(numbers[1]) : Number(numbers[1]);
    return month >= 1 && month <= 12 && year >= 1900 ? new Date(year, month - 1, 1) : this.invalid();
  }
}

export const LOCALE_MONTH_FORMATS: MatDateFormats = {
  parse: { dateInput: null },
  display: {
    dateInput: { year: 'numeric', month: '2-digit' },
    monthLabel: { month: 'short' },
    monthYearLabel: { year: 'numeric', month: 'short' },
    dateA11yLabel: { year: 'numeric', month: 'long' },
    monthYearA11yLabel: { year: 'numeric', month: 'long' },
  },
};

/** A calendar month (YYYY-MM) as a local date on its first day, or null. */
export function fromIsoMonth(month: string | null | undefined): Date | null {
  const match = month ? ISO_MONTH.exec(month) : null;
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, 1) : null;
}

export function toIsoMonth(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/**
 * A calendar month (YYYY-MM, as the API takes it) typed or picked in the UI language, like
 * `app-date-field` for days: the calendar opens on the years, then the months, and closes on a month.
 * Native `type="month"` inputs follow the browser's language and are missing in some browsers.
 */
@Component({
  selector: 'app-month-field',
  imports: [FieldErrorComponent, MatDatepickerModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  providers: [
    { provide: DateAdapter, useClass: LocaleMonthAdapter },
    { provide: MAT_DATE_FORMATS, useValue: LOCALE_MONTH_FORMATS },
    { provide: MatDatepickerIntl, useClass: TranslatedDatepickerIntl },
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field appearance="outline" [subscriptSizing]="subscriptSizing()">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        [matDatepicker]="picker"
        [formControl]="picked"
        [errorStateMatcher]="errorState"
        [placeholder]="placeholder()"
        (blur)="control().markAsTouched()"
        [attr.data-testid]="testId()"
      />
      <mat-datepicker-toggle matIconSuffix [for]="picker" [attr.data-testid]="testId() ? testId() + '-toggle' : null" />
      <mat-datepicker #picker startView="multi-year" (monthSelected)="chooseMonth($event, picker)" (closed)="control().markAsTouched()" />
      @if (hint(); as hint) {
        <mat-hint>{{ hint }}</mat-hint>
      }
      <mat-error><app-field-error [errors]="control().errors" /></mat-error>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    mat-form-field {
      width: 100%;
    }
  `,
})
export class MonthFieldComponent {
  private readonly adapter = inject(DateAdapter<Date>);
  private readonly parentMatcher = inject(ErrorStateMatcher);

  /** The month as YYYY-MM, '' when none. */
  readonly control = input.required<FormControl<string>>();
  readonly label = input.required<string>();
  readonly hint = input<string | null>(null);
  readonly testId = input<string | null>(null);
  /** How a month is typed, in the page's words ("mm/aaaa"). */
  readonly placeholder = input('');
  /** The message when the text typed is no month (the form's own messages have no month pattern). */
  readonly invalidText = input('');
  readonly subscriptSizing = input<'fixed' | 'dynamic'>('dynamic');

  protected readonly picked = new FormControl<Date | null>(null);
  protected readonly errorState: ErrorStateMatcher = {
    isErrorState: (_picked, form: FormGroupDirective | NgForm | null) =>
      this.picked.hasError('matDatepickerParse') || this.parentMatcher.isErrorState(this.control(), form),
  };

  constructor() {
    const locale = inject(LocaleService).locale;
    effect(() => this.adapter.setLocale(locale()));

    const changeDetector = inject(ChangeDetectorRef);
    effect((onCleanup) => {
      const control = this.control();
      const fromForm = () => {
        const month = fromIsoMonth(control.value);
        const current = this.picked.value;
        if (!this.picked.hasError('matDatepickerParse') && (month?.getTime() ?? null) !== (current?.getTime() ?? null)) {
          this.picked.setValue(month, { emitEvent: false });
        }
        changeDetector.markForCheck();
      };
      fromForm();
      const subscriptions = [
        control.events.subscribe(fromForm),
        this.picked.valueChanges.subscribe((date) => {
          const invalidText = this.picked.hasError('matDatepickerParse');
          control.setValue(date && this.adapter.isValid(date) ? toIsoMonth(date) : '');
          control.markAsDirty();
          if (invalidText) {
            control.setErrors({ ...control.errors, server: this.invalidText() || true });
          }
        }),
      ];
      onCleanup(() => subscriptions.forEach((s) => s.unsubscribe()));
    });
  }

  protected chooseMonth(month: Date, picker: MatDatepicker<Date>): void {
    this.picked.setValue(new Date(month.getFullYear(), month.getMonth(), 1));
    picker.close();
  }
}
