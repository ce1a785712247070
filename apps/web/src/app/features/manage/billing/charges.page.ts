import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { catchError, of, switchMap } from 'rxjs';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { BillingCharge, BillingCustomerListItem, CHARGE_KINDS, ChargeKind, CreateBillingChargeRequest, LeaseResponse, VAT_CATEGORIES, VatCategory } from '@incubator/contracts';
import { billingLabels, euros, formatCents, formatDay, formatRate, parseEuros, percentToBp } from '../../../core/billing/billing-format';
import { BillingService } from '../../../core/billing/billing.service';
import { SpaceService } from '../../../core/space/space.service';
import { FormError, genericError } from '../../../core/forms/api-error';
import { FormErrorComponent } from '../../../core/forms/form-error.component';
import { SelectFieldComponent, SelectOption } from '../../../core/forms/select-field.component';
import { submitForm, submitState } from '../../../core/forms/submit-form';
import { LocaleService } from '../../../core/i18n/locale.service';
import { today } from '../../../core/space/today';
import { DateFieldComponent } from '../../../core/ui/form-field/date-field.component';
import { FormFieldComponent } from '../../../core/ui/form-field/form-field.component';

/** A deposit and its refund belong to a lease (the refund credits what the lease's deposit held). */
export function needsLease(kind: ChargeKind): boolean {
  return kind === 'deposit' || kind === 'deposit_refund';
}

/** A discount and a deposit refund lower the bill: the amount typed is positive, the charge negative. */
export function signedChargeCents(kind: ChargeKind, cents: number): number {
  return kind === 'discount' || kind === 'deposit_refund' ? -Math.abs(cents) : Math.abs(cents);
}

/** One-off charges (services, fees, deposits, refunds, discounts) the next run bills, and adding one. */
@Component({
  selector: 'app-billing-charges-page',
  imports: [DateFieldComponent, FormErrorComponent, FormFieldComponent, MatButtonModule, ReactiveFormsModule, RouterLink, SelectFieldComponent, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <section class="card">
        <h2>{{ t('billing.charges.add') }}</h2>
        <form class="form-grid" [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <app-select-field [control]="form.controls.startupId" [label]="t('billing.customers.startup')" [options]="startupOptions()" [placeholder]="t('billing.charges.chooseStartup')" testId="charge-startup" />
          <app-select-field [control]="form.controls.kind" [label]="t('billing.invoice.kind')" [options]="kinds" labelKey="billing.lineKinds." testId="charge-kind" />
          <app-form-field [control]="form.controls.label" [label]="t('billing.invoice.label')" [maxLength]="200" testId="charge-label" />
          <app-form-field [control]="form.controls.amount" [label]="t('billing.charges.amount')" inputMode="decimal" suffix="€ HT" testId="charge-amount" />
          <app-select-field [control]="form.controls.vatCategory" [label]="t('billing.charges.vatCategory')" [options]="categories" labelKey="billing.vatCategories." testId="charge-vat-category" />
          <app-form-field [control]="form.controls.vatRate" [label]="t('billing.invoice.vat')" inputMode="decimal" suffix="%" testId="charge-vat-rate" />
          <app-date-field [control]="form.controls.chargedOn" [label]="t('billing.charges.chargedOn')" testId="charge-date" />
          @if (exempt()) {
            <app-form-field [control]="form.controls.vatExemptionReason" [label]="t('billing.charges.exemptionReason')" [maxLength]="300" testId="charge-exemption-reason" />
          }
          @if (withLease()) {
            <app-select-field [control]="form.controls.leaseId" [label]="t('billing.charges.lease')" [options]="leaseOptions()" [placeholder]="t('billing.charges.chooseLease')" testId="charge-lease" />
          }
          <div>
            <button mat-flat-button type="submit" [attr.aria-busy]="submission.submitting()" data-testid="charge-submit">{{ t('billing.charges.submit') }}</button>
          </div>
        </form>
        <app-form-error [error]="submission.error()" testId="charge-error" />
      </section>

      <app-form-error [error]="deleteError()" testId="charge-delete-error" />
      @if (charges(); as charges) {
        <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="t('billing.charges.title')">
          <table class="data" data-testid="charges-table">
            <thead>
              <tr>
                <th scope="col">{{ t('billing.charges.chargedOn') }}</th>
                <th scope="col">{{ t('billing.customers.startup') }}</th>
                <th scope="col">{{ t('billing.invoice.kind') }}</th>
                <th scope="col">{{ t('billing.invoice.label') }}</th>
                <th scope="col" class="num">{{ t('billing.totals.exclVat') }}</th>
                <th scope="col" class="num">{{ t('billing.invoice.vat') }}</th>
                <th scope="col">{{ t('billing.charges.billed') }}</th>
              </tr>
            </thead>
            <tbody>
              @for (charge of charges; track charge.id) {
                <tr data-testid="charge-row">
                  <td class="nowrap">{{ day(charge.chargedOn) }}</td>
                  <td>{{ charge.startupName }}</td>
                  <td>{{ t(labels.chargeKind(charge.kind)) }}</td>
                  <td>{{ charge.label }}</td>
                  <td class="num">{{ money(charge.amountCents) }}</td>
                  <td class="num">{{ charge.vatCategory === 'S' ? rate(charge.vatRateBp) : t(labels.vatCategory(charge.vatCategory)) }}</td>
                  <td>
                    @if (charge.invoiceId) {
                      <a [routerLink]="['/manage/billing/invoices', charge.invoiceId]">{{ t('billing.charges.seeInvoice') }}</a>
                    } @else {
                      <button mat-button type="button" (click)="remove(charge)" data-testid="charge-delete">{{ t('billing.charges.delete') }}</button>
                    }
                  </td>
                </tr>
              } @empty {
                <tr><td colspan="7" class="muted">{{ t('billing.charges.empty') }}</td></tr>
              }
            </tbody>
          </table>
        </div>
      } @else if (loadFailed()) {
        <p class="form-error" role="alert">{{ t('billing.loadError') }}</p>
      }
    </ng-container>
  `,
  styleUrl: './billing.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChargesPage {
  private readonly billing = inject(BillingService);
  private readonly space = inject(SpaceService);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly labels = billingLabels;
  protected readonly kinds = CHARGE_KINDS;
  // Outside the scope of VAT (O) cannot share the rent's invoice (EN 16931): the API refuses it, so it is not offered.
  protected readonly categories = VAT_CATEGORIES.filter((category) => category !== 'O');
  protected readonly charges = signal<BillingCharge[] | null>(null);
  protected readonly customers = signal<BillingCustomerListItem[]>([]);
  protected readonly startupOptions = computed<SelectOption[]>(() => this.customers().map((c) => ({ value: c.startupId, label: c.startupName })));
  protected readonly loadFailed = signal(false);
  protected readonly deleteError = signal<FormError | null>(null);
  protected readonly submission = submitState();
  protected readonly form = new FormGroup({
    startupId: new FormControl('', { nonNullable: true, validators: Validators.required }),
    kind: new FormControl<string>('service', { nonNullable: true, validators: Validators.required }),
    label: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    amount: new FormControl('', { nonNullable: true, validators: [Validators.required, euros()] }),
    vatCategory: new FormControl<string>('S', { nonNullable: true, validators: Validators.required }),
    vatRate: new FormControl('20', { nonNullable: true, validators: (c) => (percentToBp(String(c.value)) === null ? { decimal: true } : null) }),
    chargedOn: new FormControl(today(), { nonNullable: true, validators: Validators.required }),
    vatExemptionReason: new FormControl('', { nonNullable: true, validators: Validators.maxLength(300) }),
    leaseId: new FormControl('', { nonNullable: true }),
  });
  private readonly kind = toSignal(this.form.controls.kind.valueChanges, { initialValue: 'service' });
  private readonly category = toSignal(this.form.controls.vatCategory.valueChanges, { initialValue: 'S' });
  protected readonly exempt = computed(() => this.category() !== 'S');
  protected readonly withLease = computed(() => needsLease(this.kind() as ChargeKind));
  private readonly leases = signal<LeaseResponse[]>([]);
  protected readonly leaseOptions = computed<SelectOption[]>(() =>
    this.leases().map((lease) => ({ value: lease.id, label: `${lease.areaM2} m² — ${formatDay(lease.startsOn, this.locale())}${lease.endsOn ? ' → ' + formatDay(lease.endsOn, this.locale()) : ''}` })),
  );

  constructor() {
    this.load();
    this.billing.customers().subscribe({ next: (customers) => this.customers.set(customers), error: () => undefined });
    // A deposit and its refund name the lease they belong to: the chosen startup's leases are offered.
    this.form.controls.startupId.valueChanges
      .pipe(
        switchMap((startupId) => (startupId ? this.space.leases(startupId).pipe(catchError(() => of([]))) : of([]))),
        takeUntilDestroyed(),
      )
      .subscribe((leases) => {
        this.leases.set(leases);
        this.form.controls.leaseId.setValue(leases.length === 1 ? leases[0].id : '');
      });
    effect(() => {
      const leaseId = this.form.controls.leaseId;
      leaseId.setValidators(this.withLease() ? Validators.required : null);
      leaseId.updateValueAndValidity({ emitEvent: false });
      const reason = this.form.controls.vatExemptionReason;
      reason.setValidators(this.exempt() ? [Validators.required, Validators.maxLength(300)] : Validators.maxLength(300));
      reason.updateValueAndValidity({ emitEvent: false });
    });
  }

  protected money(cents: number): string {
    return formatCents(cents, this.locale());
  }

  protected day(day: string): string {
    return formatDay(day, this.locale());
  }

  protected rate(bp: number): string {
    return formatRate(bp, this.locale());
  }

  protected submit(): void {
    const v = this.form.getRawValue();
    const kind = v.kind as ChargeKind;
    const category = v.vatCategory as VatCategory;
    const request: CreateBillingChargeRequest = {
      startupId: v.startupId,
      kind,
      label: v.label.trim(),
      amountCents: signedChargeCents(kind, parseEuros(v.amount) ?? 0),
      vatCategory: category,
      vatRateBp: category === 'S' ? (percentToBp(v.vatRate) ?? 0) : 0,
      chargedOn: v.chargedOn,
      ...(category !== 'S' ? { vatExemptionReason: v.vatExemptionReason.trim() } : {}),
      ...(needsLease(kind) ? { leaseId: v.leaseId } : {}),
    };
    submitForm(
      this.form,
      this.submission,
      () => this.billing.addCharge(request),
      () => {
        this.form.patchValue({ label: '', amount: '' });
        this.form.markAsUntouched();
        this.load();
      },
      { amountCents: 'amount', vatRateBp: 'vatRate' },
    );
  }

  protected remove(charge: BillingCharge): void {
    this.deleteError.set(null);
    this.billing.deleteCharge(charge.id).subscribe({
      next: () => this.charges.update((all) => (all ?? []).filter((c) => c.id !== charge.id)),
      error: (failure: unknown) => this.deleteError.set(genericError(failure)),
    });
  }

  private load(): void {
    this.billing.charges().subscribe({
      next: (charges) => {
        this.loadFailed.set(false);
        this.charges.set(charges);
      },
      error: () => this.loadFailed.set(true),
    });
  }
}
