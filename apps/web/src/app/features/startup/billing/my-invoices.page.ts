import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { InvoiceSummary } from '@incubator/contracts';
import { fileDownloads } from '../../../core/api/file-download';
import { billingLabels, formatCents, formatDay, formatPeriod } from '../../../core/billing/billing-format';
import { BillingService } from '../../../core/billing/billing.service';
import { FormErrorComponent } from '../../../core/forms/form-error.component';
import { LocaleService } from '../../../core/i18n/locale.service';

/** How many invoices the portal lists (a startup has about one a month). */
export const MY_INVOICES_LIMIT = 100;

/** What a startup owes: the balance left on issued invoices (credit notes count against their invoice). */
export function openBalance(invoices: InvoiceSummary[]): number {
  return invoices.filter((invoice) => invoice.kind === 'invoice').reduce((sum, invoice) => sum + invoice.balanceCents, 0);
}

/** "Mes factures": a startup's issued invoices and credit notes, their balance, the Factur-X PDF and XML. */
@Component({
  selector: 'app-my-invoices-page',
  imports: [FormErrorComponent, MatButtonModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <div class="page-header">
        <div>
          <h1>{{ t('billing.portal.title') }}</h1>
          <p class="muted">{{ t('billing.portal.intro') }}</p>
        </div>
        @if (invoices(); as invoices) {
          <p class="balance" data-testid="startup-balance">{{ t('billing.portal.balance') }} <strong>{{ money(balance()) }}</strong></p>
        }
      </div>
      <app-form-error [error]="downloads.error()" testId="startup-invoice-error" />
      @if (invoices(); as invoices) {
        <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="t('billing.portal.title')">
          <table class="data" data-testid="startup-invoices">
            <thead>
              <tr>
                <th scope="col">{{ t('billing.invoices.number') }}</th>
                <th scope="col">{{ t('billing.invoices.issueDate') }}</th>
                <th scope="col">{{ t('billing.invoice.period') }}</th>
                <th scope="col">{{ t('billing.invoices.dueDate') }}</th>
                <th scope="col" class="num">{{ t('billing.totals.inclVat') }}</th>
                <th scope="col" class="num">{{ t('billing.totals.balance') }}</th>
                <th scope="col">{{ t('billing.invoices.settlement') }}</th>
                <th scope="col"><span class="visually-hidden">{{ t('billing.portal.downloads') }}</span></th>
              </tr>
            </thead>
            <tbody>
              @for (invoice of invoices; track invoice.id) {
                <tr data-testid="startup-invoice-row" [attr.data-number]="invoice.number">
                  <th scope="row">
                    <span class="nowrap">{{ invoice.number }}</span>
                    @if (invoice.kind === 'credit_note') {
                      <br /><span class="muted nowrap">{{ t(labels.invoiceKind(invoice.kind)) }} {{ invoice.creditedInvoiceNumber }}</span>
                    }
                  </th>
                  <td class="nowrap">{{ day(invoice.issueDate) }}</td>
                  <td>{{ period(invoice) }}</td>
                  <td class="nowrap">{{ day(invoice.dueDate) }}</td>
                  <td class="num">{{ money(invoice.totalInclVatCents) }}</td>
                  <td class="num">{{ invoice.kind === 'invoice' ? money(invoice.balanceCents) : '—' }}</td>
                  <td>
                    @if (invoice.settlement) {
                      <span class="badge" [attr.data-status]="invoice.settlement">{{ t(labels.settlement(invoice.settlement)) }}</span>
                    }
                  </td>
                  <td class="nowrap">
                    <button mat-stroked-button type="button" (click)="pdf(invoice)" [disabled]="downloads.busy() !== null" data-testid="startup-invoice-pdf">PDF</button>
                    <button mat-button type="button" (click)="xml(invoice)" [disabled]="downloads.busy() !== null" data-testid="startup-invoice-xml">XML</button>
                  </td>
                </tr>
              } @empty {
                <tr><td colspan="8" class="muted" data-testid="startup-invoices-empty">{{ t('billing.portal.empty') }}</td></tr>
              }
            </tbody>
          </table>
        </div>
        <p class="muted small">{{ t('billing.portal.facturx') }}</p>
      } @else if (loadFailed()) {
        <p class="form-error" role="alert">{{ t('billing.loadError') }}</p>
      } @else {
        <p class="muted" aria-busy="true">{{ t('pipeline.loading') }}</p>
      }
    </ng-container>
  `,
  styleUrl: '../../manage/billing/billing.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyInvoicesPage {
  private readonly billing = inject(BillingService);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly labels = billingLabels;
  protected readonly downloads = fileDownloads();
  protected readonly invoices = signal<InvoiceSummary[] | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly balance = computed(() => openBalance(this.invoices() ?? []));

  constructor() {
    // The API lists a startup member's own issued invoices and credit notes only.
    this.billing.invoices({ status: 'issued', limit: MY_INVOICES_LIMIT, offset: 0 }).subscribe({
      next: (page) => this.invoices.set(page.items),
      error: () => this.loadFailed.set(true),
    });
  }

  protected money(cents: number): string {
    return formatCents(cents, this.locale());
  }

  protected day(day: string | null): string {
    return day ? formatDay(day, this.locale()) : '—';
  }

  protected period(invoice: InvoiceSummary): string {
    return formatPeriod(invoice.periodStart, invoice.periodEnd, this.locale());
  }

  protected pdf(invoice: InvoiceSummary): void {
    this.downloads.start(this.billing.pdf(invoice.id), `${invoice.number ?? invoice.id}.pdf`);
  }

  protected xml(invoice: InvoiceSummary): void {
    this.downloads.start(this.billing.xml(invoice.id), `${invoice.number ?? invoice.id}.xml`);
  }
}
