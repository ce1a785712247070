import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, ValidatorFn, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { TranslocoDirective } from '@jsverse/transloco';
import { BillingSettings } from '@incubator/contracts';
import { centsToInput, euros, parseEuros, percentToBp } from '../../../core/billing/billing-format';
import { BillingService } from '../../../core/billing/billing.service';
import { FormErrorComponent } from '../../../core/forms/form-error.component';
import { VALIDATE_WHILE_TYPING } from '../../../core/forms/form-validation';
import { submitForm, submitState } from '../../../core/forms/submit-form';
import { LocaleService } from '../../../core/i18n/locale.service';
import { FormFieldComponent } from '../../../core/ui/form-field/form-field.component';

/** Basis points → "20" or "10,5" for a percent field. */
export function bpToPercent(bp: number, locale: string): string {
  const text = String(bp / 100);
  return locale === 'fr' ? text.replace('.', ',') : text;
}

const percent: ValidatorFn = (control) => (control.value === '' || percentToBp(String(control.value)) !== null ? null : { decimal: true });
const wholeNumber: ValidatorFn = (control) => (/^\d{1,3}$/.test(String(control.value)) ? null : { wholeNumber: true });

/** The seller's side of billing: bank details, SEPA creditor id, numbering, payment terms, VAT and late-payment mentions. */
@Component({
  selector: 'app-billing-settings-page',
  imports: [FormErrorComponent, FormFieldComponent, MatButtonModule, MatCheckboxModule, ReactiveFormsModule, TranslocoDirective],
  providers: [VALIDATE_WHILE_TYPING],
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('billing.settings.title') }}</h1>
      <p class="muted">{{ t('billing.settings.intro') }}</p>
      @if (loadFailed()) {
        <p class="form-error" role="alert">{{ t('billing.loadError') }}</p>
      } @else if (!loaded()) {
        <p class="muted" aria-busy="true">{{ t('pipeline.loading') }}</p>
      } @else {
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <section class="card">
            <h2>{{ t('billing.settings.bank') }}</h2>
            <div class="form-grid">
              <app-form-field [control]="form.controls.iban" [label]="t('billing.mandate.iban')" [uppercase]="true" [maxLength]="42" testId="billing-settings-iban" />
              <app-form-field [control]="form.controls.bic" [label]="t('billing.mandate.bic')" [uppercase]="true" [maxLength]="11" testId="billing-settings-bic" />
              <app-form-field [control]="form.controls.sepaCreditorId" [label]="t('billing.settings.sepaCreditorId')" [uppercase]="true" [maxLength]="35" [hint]="t('billing.settings.sepaCreditorIdHint')" testId="billing-settings-ics" />
            </div>
          </section>
          <section class="card">
            <h2>{{ t('billing.settings.numbering') }}</h2>
            <div class="form-grid">
              <app-form-field [control]="form.controls.invoicePrefix" [label]="t('billing.settings.invoicePrefix')" [uppercase]="true" [maxLength]="10" [hint]="t('billing.settings.numberExample', { number: example(form.controls.invoicePrefix.value) })" testId="billing-settings-invoice-prefix" />
              <app-form-field [control]="form.controls.creditNotePrefix" [label]="t('billing.settings.creditNotePrefix')" [uppercase]="true" [maxLength]="10" [hint]="t('billing.settings.numberExample', { number: example(form.controls.creditNotePrefix.value) })" testId="billing-settings-credit-prefix" />
              <app-form-field [control]="form.controls.paymentTermsDays" [label]="t('billing.settings.paymentTermsDays')" inputMode="numeric" [suffix]="t('billing.settings.days')" testId="billing-settings-terms" />
            </div>
          </section>
          <section class="card">
            <h2>{{ t('billing.settings.vatAndLate') }}</h2>
            <div class="form-grid">
              <app-form-field [control]="form.controls.defaultVatRate" [label]="t('billing.settings.defaultVatRate')" inputMode="decimal" suffix="%" testId="billing-settings-vat" />
              <app-form-field [control]="form.controls.latePenaltyRate" [label]="t('billing.settings.latePenaltyRate')" inputMode="decimal" suffix="%" [hint]="t('billing.settings.latePenaltyHint')" testId="billing-settings-penalty" />
              <app-form-field [control]="form.controls.recoveryIndemnity" [label]="t('billing.settings.recoveryIndemnity')" inputMode="decimal" suffix="€" testId="billing-settings-indemnity" />
            </div>
            <mat-checkbox [formControl]="form.controls.vatOnDebits" data-testid="billing-settings-vat-on-debits">{{ t('billing.settings.vatOnDebits') }}</mat-checkbox>
          </section>
          <app-form-error [error]="submission.error()" testId="billing-settings-error" />
          @if (saved()) {
            <p class="form-success" role="status" data-testid="billing-settings-saved">{{ t('billing.settings.saved') }}</p>
          }
          <button mat-flat-button type="submit" [attr.aria-busy]="submission.submitting()" data-testid="billing-settings-submit">
            {{ submission.submitting() ? t('forms.saving') : t('forms.save') }}
          </button>
        </form>
      }
    </ng-container>
  `,
  styleUrl: '../../manage/billing/billing.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BillingSettingsPage {
  private readonly billing = inject(BillingService);
  private readonly locale = inject(LocaleService).locale;
  protected readonly submission = submitState();
  protected readonly loaded = signal(false);
  protected readonly loadFailed = signal(false);
  protected readonly saved = signal(false);
  private readonly year = new Date().getUTCFullYear();

  private readonly text = (...validators: ValidatorFn[]) => new FormControl('', { nonNullable: true, validators });
  protected readonly form = new FormGroup({
    iban: this.text(),
    bic: this.text(),
    sepaCreditorId: this.text(),
    invoicePrefix: this.text(Validators.required, Validators.pattern(/^[A-Za-z0-9]{1,10}$/)),
    creditNotePrefix: this.text(Validators.required, Validators.pattern(/^[A-Za-z0-9]{1,10}$/)),
    paymentTermsDays: this.text(Validators.required, wholeNumber),
    defaultVatRate: this.text(Validators.required, percent),
    latePenaltyRate: this.text(Validators.required, percent),
    recoveryIndemnity: this.text(Validators.required, euros(false, true)),
    vatOnDebits: new FormControl(false, { nonNullable: true }),
  });

  constructor() {
    this.billing.settings().subscribe({
      next: (settings) => {
        this.fill(settings);
        this.loaded.set(true);
      },
      error: () => this.loadFailed.set(true),
    });
  }

  protected example(prefix: string): string {
    return `${(prefix || '…').toUpperCase()}-${this.year}-00001`;
  }

  protected submit(): void {
    const v = this.form.getRawValue();
    const settings: BillingSettings = {
      iban: v.iban.replace(/\s+/g, '').toUpperCase() || null,
      bic: v.bic.trim().toUpperCase() || null,
      sepaCreditorId: v.sepaCreditorId.replace(/\s+/g, '').toUpperCase() || null,
      invoicePrefix: v.invoicePrefix.trim().toUpperCase(),
      creditNotePrefix: v.creditNotePrefix.trim().toUpperCase(),
      paymentTermsDays: Number(v.paymentTermsDays),
      defaultVatRateBp: percentToBp(v.defaultVatRate) ?? 0,
      latePenaltyRateBp: percentToBp(v.latePenaltyRate) ?? 0,
      recoveryIndemnityCents: parseEuros(v.recoveryIndemnity) ?? 0,
      vatOnDebits: v.vatOnDebits,
    };
    this.saved.set(false);
    submitForm(
      this.form,
      this.submission,
      () => this.billing.saveSettings(settings),
      (saved) => {
        this.fill(saved);
        this.saved.set(true);
      },
      { defaultVatRateBp: 'defaultVatRate', latePenaltyRateBp: 'latePenaltyRate', recoveryIndemnityCents: 'recoveryIndemnity' },
    );
  }

  private fill(s: BillingSettings): void {
    const locale = this.locale();
    this.form.reset({
      iban: s.iban ?? '',
      bic: s.bic ?? '',
      sepaCreditorId: s.sepaCreditorId ?? '',
      invoicePrefix: s.invoicePrefix,
      creditNotePrefix: s.creditNotePrefix,
      paymentTermsDays: String(s.paymentTermsDays),
      defaultVatRate: bpToPercent(s.defaultVatRateBp, locale),
      latePenaltyRate: bpToPercent(s.latePenaltyRateBp, locale),
      recoveryIndemnity: centsToInput(s.recoveryIndemnityCents, locale),
      vatOnDebits: s.vatOnDebits,
    });
  }
}
