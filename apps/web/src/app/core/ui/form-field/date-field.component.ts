import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  computed,
  effect,
  inject,
  Injectable,
  input,
} from '@angular/core';
import { FormControl, FormGroupDirective, NgForm, ReactiveFormsModule } from '@angular/forms';
import { DateAdapter, ErrorStateMatcher, MAT_DATE_FORMATS } from '@angular/material/core';
import { MatDatepickerIntl, MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { LocaleService } from '../../i18n/locale.service';
import { FieldErrorComponent } from '../../forms/field-error.component';
import { fromIsoDay, LOCALE_DATE_FORMATS, LocaleDateAdapter, toIsoDay } from './locale-date-adapter';

/** The calendar's buttons in the UI language. */
@Injectable()
export class TranslatedDatepickerIntl extends MatDatepickerIntl {
  private readonly transloco = inject(TranslocoService);

  constructor() {
    super();
    this.transloco.langChanges$.subscribe(() => {
      const t = (key: string) => this.transloco.translate(`forms.datepicker.${key}`);
      this.openCalendarLabel = t('open');
      this.closeCalendarLabel = t('close');
      this.prevMonthLabel = t('prevMonth');
      this.nextMonthLabel = t('nextMonth');
      this.prevYearLabel = t('prevYear');
      this.nextYearLabel = t('nextYear');
      this.switchToMonthViewLabel = t('chooseDate');
      this.switchToMultiYearViewLabel = t('chooseMonthAndYear');
      this.changes.next();
    });
  }
}

/**
 * A calendar day (YYYY-MM-DD, as the API takes it) typed or picked in the UI language: 05/03/2026
 * is the 5th of March in French. Native date inputs follow the browser's language instead.
 *
 * The datepicker works on Date objects; the form keeps its string (empty when no day), so the
 * picker has its own control, kept in step with the form's. A typed text that is no day sets the
 * form control's error `date`.
 */
@Component({
  selector: 'app-date-field',
  imports: [
    FieldErrorComponent,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    TranslocoDirective,
  ],
  providers: [
    { provide: DateAdapter, useClass: LocaleDateAdapter },
    { provide: MAT_DATE_FORMATS, useValue: LOCALE_DATE_FORMATS },
    { provide: MatDatepickerIntl, useClass: TranslatedDatepickerIntl },
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic" *transloco="let t">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        [matDatepicker]="picker"
        [min]="minDate()"
        [formControl]="picked"
        [errorStateMatcher]="errorState"
        [placeholder]="t('forms.datePattern')"
        (blur)="control().markAsTouched()"
        [attr.data-testid]="testId()"
      />
      <mat-datepicker-toggle matIconSuffix [for]="picker" [attr.data-testid]="testId() ? testId() + '-toggle' : null" />
      <mat-datepicker #picker (closed)="control().markAsTouched()" />
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
export class DateFieldComponent {
  private readonly adapter = inject(DateAdapter<Date>);
  private readonly parentMatcher = inject(ErrorStateMatcher);

  /** The day as YYYY-MM-DD, '' when none. */
  readonly control = input.required<FormControl<string>>();
  readonly label = input.required<string>();
  readonly hint = input<string | null>(null);
  /** The first day the calendar offers (YYYY-MM-DD); the form's own rule says why an earlier one is refused. */
  readonly min = input<string | null>(null);
  readonly testId = input<string | null>(null);

  protected readonly minDate = computed(() => fromIsoDay(this.min()));

  protected readonly picked = new FormControl<Date | null>(null);
  /** The form's control decides (its rules, touched, submitted), with the parent's matcher. */
  protected readonly errorState: ErrorStateMatcher = {
    isErrorState: (_picked, form: FormGroupDirective | NgForm | null) =>
      this.picked.hasError('matDatepickerParse') || this.parentMatcher.isErrorState(this.control(), form),
  };

  constructor() {
    const locale = inject(LocaleService).locale;
    effect(() => this.adapter.setLocale(locale()));

    const changeDetector = inject(ChangeDetectorRef);
    const form = inject(FormGroupDirective, { optional: true });
    effect((onCleanup) => {
      const control = this.control();
      const fromForm = () => {
        const day = fromIsoDay(control.value);
        const current = this.picked.value;
        if (!this.picked.hasError('matDatepickerParse') && (day?.getTime() ?? null) !== (current?.getTime() ?? null)) {
          this.picked.setValue(day, { emitEvent: false });
        }
        if (control.disabled !== this.picked.disabled) {
          if (control.disabled) {
            this.picked.disable({ emitEvent: false });
          } else {
            this.picked.enable({ emitEvent: false });
          }
        }
        changeDetector.markForCheck();
      };
      fromForm();
      const subscriptions = [
        control.events.subscribe(fromForm),
        this.picked.valueChanges.subscribe((date) => {
          const invalidText = this.picked.hasError('matDatepickerParse');
          control.setValue(date && this.adapter.isValid(date) ? toIsoDay(date) : '');
          control.markAsDirty();
          if (invalidText) {
            control.setErrors({ ...control.errors, date: true });
          }
        }),
      ];
      if (form) {
        subscriptions.push(form.ngSubmit.subscribe(() => changeDetector.markForCheck()));
      }
      onCleanup(() => subscriptions.forEach((s) => s.unsubscribe()));
    });
  }
}
