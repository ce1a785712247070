import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { isLongTermTarget, TARGET_KEYS, TargetKey, TargetResponse } from '@incubator/contracts';
import { FieldErrorComponent } from '../../../core/forms/field-error.component';
import { SelectFieldComponent } from '../../../core/forms/select-field.component';
import { submitForm, submitState } from '../../../core/forms/submit-form';
import { formatEuros, normaliseDecimal } from '../../../core/funding/amounts';
import { LocaleService } from '../../../core/i18n/locale.service';
import { ReportsService } from '../../../core/reports/reports.service';
import { today } from '../../../core/space/today';

const DECIMAL = /^\d{1,15}(?:\.\d{1,2})?$/;

/** The yearly targets the board dashboard measures the year's figures against. */
@Component({
  selector: 'app-targets-page',
  imports: [
    FieldErrorComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    SelectFieldComponent,
    TranslocoDirective,
  ],
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('reports.targets.title') }}</h1>
      <p>{{ t('reports.targets.intro') }}</p>
      <p class="muted" data-testid="target-long-term-hint">{{ t('admin.targets.longTermHint') }}</p>

      <form [formGroup]="form" (ngSubmit)="save()" class="target-form" data-testid="target-form">
        <app-select-field
          [control]="form.controls.key"
          [label]="t('reports.targets.key')"
          [options]="keys"
          labelKey="admin.targets.keys."
          testId="target-key"
        />
        <mat-form-field appearance="outline">
          <mat-label>{{ t('reports.targets.year') }}</mat-label>
          <input matInput type="number" formControlName="year" data-testid="target-year" />
          <mat-error><app-field-error [errors]="form.controls.year.errors" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ t('reports.targets.value') }}</mat-label>
          <input matInput inputmode="decimal" formControlName="value" data-testid="target-value" />
          <mat-error><app-field-error [errors]="form.controls.value.errors" /></mat-error>
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="submission.submitting()" data-testid="target-save">
          {{ t('reports.targets.save') }}
        </button>
      </form>
      @if (submission.error(); as error) {
        <p class="form-error" role="alert">{{ error.key ? t(error.key) : error.text }}</p>
      }

      @if (failed()) {
        <p class="form-error" role="alert">{{ t('reports.targets.loadError') }}</p>
      } @else {
        <table class="data" data-testid="targets-table" [attr.aria-label]="t('reports.targets.title')">
          <thead>
            <tr>
              <th scope="col">{{ t('reports.targets.year') }}</th>
              <th scope="col">{{ t('reports.targets.key') }}</th>
              <th scope="col" class="num">{{ t('reports.targets.value') }}</th>
            </tr>
          </thead>
          <tbody>
            @for (target of sorted(); track target.key + target.year) {
              <tr [attr.data-testid]="'target-row-' + target.key + '-' + target.year">
                <td>{{ longTerm(target) ? t('admin.targets.by', { year: target.year }) : target.year }}</td>
                <td>{{ t('admin.targets.keys.' + target.key) }}</td>
                <td class="num">{{ display(target) }}</td>
              </tr>
            } @empty {
              <tr>
                <td colspan="3" class="muted">{{ t('reports.targets.empty') }}</td>
              </tr>
            }
          </tbody>
        </table>
      }
    </ng-container>
  `,
  styles: `
    @use '../../data-table';
    .target-form {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: baseline;
    }
    .target-form > * {
      min-width: 12rem;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TargetsPage {
  private readonly reports = inject(ReportsService);

  protected readonly locale = inject(LocaleService).locale;
  protected readonly keys = TARGET_KEYS;
  protected readonly targets = signal<TargetResponse[]>([]);
  protected readonly failed = signal(false);
  protected readonly sorted = computed(() =>
    [...this.targets()].sort((a, b) => b.year - a.year || TARGET_KEYS.indexOf(a.key) - TARGET_KEYS.indexOf(b.key)),
  );
  protected readonly form = new FormGroup({
    key: new FormControl<string>(TARGET_KEYS[0], { nonNullable: true, validators: [Validators.required] }),
    year: new FormControl(Number(today().slice(0, 4)), {
      nonNullable: true,
      validators: [Validators.required, Validators.min(2000), Validators.max(2100)],
    }),
    value: new FormControl('', {
      nonNullable: true,
      validators: [
        Validators.required,
        (control) => (!control.value || DECIMAL.test(normaliseDecimal(control.value)) ? null : { decimal: true }),
      ],
    }),
  });
  protected readonly submission = submitState();

  constructor() {
    this.reports
      .targets()
      .pipe(takeUntilDestroyed())
      .subscribe({ next: (targets) => this.targets.set(targets), error: () => this.failed.set(true) });
  }

  protected longTerm(target: TargetResponse): boolean {
    return isLongTermTarget(target.key);
  }

  protected display(target: TargetResponse): string {
    return target.key === 'funds_raised_eur' || target.key === 'total_funds_eur'
      ? formatEuros(target.value, this.locale())
      : new Intl.NumberFormat(this.locale()).format(Number(target.value));
  }

  protected save(): void {
    const { key, year, value } = this.form.getRawValue();
    submitForm(
      this.form,
      this.submission,
      () => this.reports.setTarget({ key: key as TargetKey, year: Number(year), value: normaliseDecimal(value) }),
      (targets) => {
        this.targets.set(targets);
        this.form.controls.value.reset('');
      },
    );
  }
}
