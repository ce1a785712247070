import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { fileDownloads } from '../../../core/api/file-download';
import { BillingService, InvoiceExportFormat } from '../../../core/billing/billing.service';
import { FormErrorComponent } from '../../../core/forms/form-error.component';
import { DateFieldComponent } from '../../../core/ui/form-field/date-field.component';
import { today } from '../../../core/space/today';

/** The first day of `day`'s year (YYYY-MM-DD). */
function startOfYear(day: string): string {
  return `${day.slice(0, 4)}-01-01`;
}

/** The accounting exports (FEC for a period, invoices and payments as CSV/XLSX) and the SEPA direct-debit batch. */
@Component({
  selector: 'app-billing-exports-page',
  imports: [DateFieldComponent, FormErrorComponent, MatButtonModule, ReactiveFormsModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <app-form-error [error]="downloads.error()" testId="billing-export-error" />
      <section class="card">
        <h2>{{ t('billing.exports.fec') }}</h2>
        <p class="muted">{{ t('billing.exports.fecIntro') }}</p>
        <form class="form-grid" [formGroup]="period" (ngSubmit)="fec()" novalidate>
          <app-date-field [control]="period.controls.from" [label]="t('billing.exports.from')" testId="fec-from" />
          <app-date-field [control]="period.controls.to" [label]="t('billing.exports.to')" testId="fec-to" />
          <div>
            <button mat-flat-button type="submit" [disabled]="downloads.busy() !== null" data-testid="fec-download">{{ t('billing.exports.download') }}</button>
          </div>
        </form>
        <h3>{{ t('billing.exports.lists') }}</h3>
        <div class="actions">
          @for (format of formats; track format) {
            <button mat-stroked-button type="button" (click)="invoices(format)" [disabled]="downloads.busy() !== null" [attr.data-testid]="'invoices-export-' + format">
              {{ t('billing.exports.invoices', { format: format.toUpperCase() }) }}
            </button>
          }
          @for (format of formats; track format) {
            <button mat-stroked-button type="button" (click)="payments(format)" [disabled]="downloads.busy() !== null" [attr.data-testid]="'payments-export-' + format">
              {{ t('billing.exports.payments', { format: format.toUpperCase() }) }}
            </button>
          }
        </div>
      </section>
      <section class="card">
        <h2>{{ t('billing.directDebit.title') }}</h2>
        <p class="muted">{{ t('billing.directDebit.intro') }}</p>
        <form class="form-grid" [formGroup]="debit" (ngSubmit)="directDebits()" novalidate>
          <app-date-field [control]="debit.controls.collectionDate" [label]="t('billing.directDebit.collectionDate')" [min]="day" testId="direct-debit-date" />
          <div>
            <button mat-flat-button type="submit" [disabled]="downloads.busy() !== null" data-testid="direct-debit-download">{{ t('billing.directDebit.download') }}</button>
          </div>
        </form>
      </section>
    </ng-container>
  `,
  styleUrl: './billing.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExportsPage {
  private readonly billing = inject(BillingService);
  protected readonly downloads = fileDownloads();
  protected readonly formats: InvoiceExportFormat[] = ['csv', 'xlsx'];
  protected readonly day = today();
  protected readonly period = new FormGroup({
    from: new FormControl(startOfYear(this.day), { nonNullable: true, validators: Validators.required }),
    to: new FormControl(this.day, { nonNullable: true, validators: Validators.required }),
  });
  protected readonly debit = new FormGroup({
    collectionDate: new FormControl(this.day, { nonNullable: true, validators: Validators.required }),
  });

  protected fec(): void {
    const period = this.chosenPeriod();
    if (period) {
      this.downloads.start(this.billing.fec(period.from, period.to), `FEC-${period.from}-${period.to}.txt`);
    }
  }

  protected invoices(format: InvoiceExportFormat): void {
    const period = this.chosenPeriod();
    if (period) {
      this.downloads.start(this.billing.exportInvoices(format, period.from, period.to), `invoices-${period.from}-${period.to}.${format}`);
    }
  }

  protected payments(format: InvoiceExportFormat): void {
    const period = this.chosenPeriod();
    if (period) {
      this.downloads.start(this.billing.exportPayments(format, period.from, period.to), `payments-${period.from}-${period.to}.${format}`);
    }
  }

  /** The period of every export; null (its errors shown) when a day is missing. */
  private chosenPeriod(): { from: string; to: string } | null {
    if (this.period.invalid) {
      this.period.markAllAsTouched();
      return null;
    }
    return this.period.getRawValue();
  }

  protected directDebits(): void {
    if (this.debit.invalid) {
      this.debit.markAllAsTouched();
      return;
    }
    const { collectionDate } = this.debit.getRawValue();
    this.downloads.start(this.billing.directDebits(collectionDate), `pain008-${collectionDate}.xml`);
  }
}
