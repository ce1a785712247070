import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, ValidatorFn, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import { BillingCustomer, BillingCustomerListItem, Locale, PAYMENT_METHODS, PaymentMethod, SepaMandate, SUPPORTED_LOCALES, UpdateBillingCustomerRequest } from '@incubator/contracts';
import { billingLabels, formatDay } from '../../../core/billing/billing-format';
import { BillingService } from '../../../core/billing/billing.service';
import { FormError, formError, genericError } from '../../../core/forms/api-error';
import { FormErrorComponent } from '../../../core/forms/form-error.component';
import { SelectFieldComponent } from '../../../core/forms/select-field.component';
import { submitForm, submitState } from '../../../core/forms/submit-form';
import { VALIDATE_WHILE_TYPING } from '../../../core/forms/form-validation';
import { LocaleService } from '../../../core/i18n/locale.service';
import { today } from '../../../core/space/today';
import { DialogShellComponent } from '../../../core/ui/dialog-shell/dialog-shell.component';
import { DateFieldComponent } from '../../../core/ui/form-field/date-field.component';
import { FormFieldComponent } from '../../../core/ui/form-field/form-field.component';

/** "a@x.fr, b@x.fr" or one a line → the addresses, without blanks or repeats. */
export function parseRecipients(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((address) => address.trim()).filter(Boolean))];
}

/** The profile a startup without one starts from: its name, in France, paying by transfer, in the UI language. */
export function customerOf(item: BillingCustomerListItem, locale: Locale): BillingCustomer {
  return (
    item.customer ?? {
      startupId: item.startupId,
      startupName: item.startupName,
      legalName: item.startupName,
      siren: null,
      vatNumber: null,
      addressLine1: '',
      addressLine2: null,
      postcode: '',
      city: '',
      country: 'FR',
      recipients: [],
      paymentMethod: 'transfer',
      locale,
      mandate: null,
    }
  );
}

/** An IBAN as the API takes it: no spaces, upper case. */
export function compactIban(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/** A startup's billing profile and its SEPA mandate; closes with the profile as saved. */
@Component({
  selector: 'app-customer-dialog',
  imports: [DateFieldComponent, DialogShellComponent, FormErrorComponent, FormFieldComponent, MatButtonModule, MatDialogModule, ReactiveFormsModule, SelectFieldComponent, TranslocoDirective],
  providers: [VALIDATE_WHILE_TYPING],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate *transloco="let t">
      <app-dialog-shell [title]="t('billing.customers.edit', { name: customer.startupName })" [state]="submission" testId="customer">
        <div class="grid">
          <app-form-field class="wide" [control]="form.controls.legalName" [label]="t('billing.customers.legalName')" [maxLength]="200" testId="customer-legal-name" />
          <app-form-field [control]="form.controls.siren" [label]="t('billing.customers.siren')" inputMode="numeric" [maxLength]="9" testId="customer-siren" />
          <app-form-field [control]="form.controls.vatNumber" [label]="t('billing.customers.vatNumber')" [uppercase]="true" [maxLength]="20" testId="customer-vat" />
          <app-form-field class="wide" [control]="form.controls.addressLine1" [label]="t('billing.customers.addressLine1')" [maxLength]="200" testId="customer-address1" />
          <app-form-field class="wide" [control]="form.controls.addressLine2" [label]="t('billing.customers.addressLine2')" [maxLength]="200" />
          <app-form-field [control]="form.controls.postcode" [label]="t('billing.customers.postcode')" [maxLength]="16" testId="customer-postcode" />
          <app-form-field [control]="form.controls.city" [label]="t('billing.customers.city')" [maxLength]="100" testId="customer-city" />
          <app-form-field [control]="form.controls.country" [label]="t('billing.customers.country')" [uppercase]="true" [maxLength]="2" />
          <app-select-field [control]="form.controls.locale" [label]="t('billing.customers.locale')" [options]="locales" labelKey="language." />
          <app-form-field class="wide" [control]="form.controls.recipients" [label]="t('billing.customers.recipients')" type="multiline" [hint]="t('billing.customers.recipientsHint')" testId="customer-recipients" />
          <app-select-field [control]="form.controls.paymentMethod" [label]="t('billing.customers.paymentMethod')" [options]="methods" labelKey="billing.paymentMethods." testId="customer-payment-method" />
        </div>

        <section class="mandate" [formGroup]="mandateForm">
          <h3>{{ t('billing.mandate.title') }}</h3>
          @if (mandate(); as mandate) {
            <p data-testid="customer-mandate">
              {{ t('billing.mandate.active', { reference: mandate.reference, signedOn: day(mandate.signedOn), iban: mandate.iban }) }}
            </p>
            <button mat-stroked-button type="button" (click)="revoke(mandate)" [disabled]="mandateBusy()" data-testid="mandate-revoke">{{ t('billing.mandate.revoke') }}</button>
          } @else {
            <p class="muted">{{ t('billing.mandate.none') }}</p>
            <div class="grid">
              <app-form-field [control]="mandateForm.controls.reference" [label]="t('billing.mandate.reference')" [maxLength]="35" testId="mandate-reference" />
              <app-date-field [control]="mandateForm.controls.signedOn" [label]="t('billing.mandate.signedOn')" testId="mandate-signed-on" />
              <app-form-field [control]="mandateForm.controls.iban" [label]="t('billing.mandate.iban')" [uppercase]="true" [maxLength]="42" testId="mandate-iban" />
              <app-form-field [control]="mandateForm.controls.bic" [label]="t('billing.mandate.bic')" [uppercase]="true" [maxLength]="11" testId="mandate-bic" />
            </div>
            @if (profileSaved()) {
              <button mat-stroked-button type="button" (click)="createMandate()" [disabled]="mandateBusy()" data-testid="mandate-create">{{ t('billing.mandate.create') }}</button>
            } @else {
              <p class="muted">{{ t('billing.mandate.saveFirst') }}</p>
            }
          }
          <app-form-error [error]="mandateError()" testId="mandate-error" />
        </section>
      </app-dialog-shell>
    </form>
  `,
  styles: `
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
      gap: 0.5rem 1rem;
    }
    .wide {
      grid-column: 1 / -1;
    }
    .mandate {
      margin-top: 1rem;
      padding-top: 0.5rem;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CustomerDialogComponent {
  private readonly billing = inject(BillingService);
  private readonly dialogRef = inject<MatDialogRef<CustomerDialogComponent, BillingCustomer>>(MatDialogRef);
  private readonly locale = inject(LocaleService).locale;
  private readonly data = inject<BillingCustomerListItem>(MAT_DIALOG_DATA);
  protected readonly customer = customerOf(this.data, this.locale());
  /** A mandate belongs to a billing profile: a startup without one saves it first. */
  protected readonly profileSaved = signal(this.data.customer !== null);
  protected readonly labels = billingLabels;
  protected readonly methods = PAYMENT_METHODS;
  protected readonly locales = SUPPORTED_LOCALES;
  protected readonly submission = submitState();
  protected readonly mandate = signal<SepaMandate | null>(this.customer.mandate);
  protected readonly mandateBusy = signal(false);
  protected readonly mandateError = signal<FormError | null>(null);

  private readonly text = (value: string | null, ...validators: ValidatorFn[]) =>
    new FormControl(value ?? '', { nonNullable: true, validators });

  protected readonly form = new FormGroup({
    legalName: this.text(this.customer.legalName, Validators.required),
    siren: this.text(this.customer.siren, Validators.pattern(/^\d{9}$/)),
    vatNumber: this.text(this.customer.vatNumber),
    addressLine1: this.text(this.customer.addressLine1, Validators.required),
    addressLine2: this.text(this.customer.addressLine2),
    postcode: this.text(this.customer.postcode, Validators.required),
    city: this.text(this.customer.city, Validators.required),
    country: this.text(this.customer.country || 'FR', Validators.required, Validators.pattern(/^[A-Za-z]{2}$/)),
    locale: this.text(this.customer.locale),
    recipients: this.text(this.customer.recipients.join('\n')),
    paymentMethod: this.text(this.customer.paymentMethod, Validators.required),
  });
  protected readonly mandateForm = new FormGroup({
    reference: this.text('', Validators.required),
    signedOn: this.text(today(), Validators.required),
    iban: this.text('', Validators.required),
    bic: this.text(''),
  });

  protected day(day: string): string {
    return formatDay(day, this.locale());
  }

  protected submit(): void {
    const v = this.form.getRawValue();
    const change: UpdateBillingCustomerRequest = {
      legalName: v.legalName.trim(),
      siren: v.siren.trim() || null,
      vatNumber: v.vatNumber.trim().toUpperCase() || null,
      addressLine1: v.addressLine1.trim(),
      addressLine2: v.addressLine2.trim() || null,
      postcode: v.postcode.trim(),
      city: v.city.trim(),
      country: v.country.trim().toUpperCase(),
      recipients: parseRecipients(v.recipients),
      paymentMethod: v.paymentMethod as PaymentMethod,
      locale: v.locale as Locale,
    };
    submitForm(this.form, this.submission, () => this.billing.saveCustomer(this.customer.startupId, change), (saved) =>
      this.dialogRef.close({ ...saved, mandate: this.mandate() }),
    );
  }

  protected createMandate(): void {
    if (this.mandateForm.invalid) {
      this.mandateForm.markAllAsTouched();
      return;
    }
    const v = this.mandateForm.getRawValue();
    this.mandateBusy.set(true);
    this.mandateError.set(null);
    this.billing
      .createMandate(this.customer.startupId, { reference: v.reference.trim(), signedOn: v.signedOn, iban: compactIban(v.iban), bic: v.bic.trim().toUpperCase() || null })
      .subscribe({
        next: (mandate) => {
          this.mandateBusy.set(false);
          this.mandate.set(mandate);
        },
        error: (failure: unknown) => {
          this.mandateBusy.set(false);
          this.mandateError.set(formError(this.mandateForm, failure));
        },
      });
  }

  protected revoke(mandate: SepaMandate): void {
    this.mandateBusy.set(true);
    this.mandateError.set(null);
    this.billing.revokeMandate(mandate.id).subscribe({
      next: () => {
        this.mandateBusy.set(false);
        this.mandate.set(null);
      },
      error: (failure: unknown) => {
        this.mandateBusy.set(false);
        this.mandateError.set(genericError(failure));
      },
    });
  }
}
