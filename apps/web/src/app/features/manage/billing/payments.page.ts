import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { BankStatementImportResult, Payment } from '@incubator/contracts';
import { billingLabels, formatCents, formatDay } from '../../../core/billing/billing-format';
import { BillingService } from '../../../core/billing/billing.service';
import { FormError, genericError } from '../../../core/forms/api-error';
import { FormErrorComponent } from '../../../core/forms/form-error.component';
import { LocaleService } from '../../../core/i18n/locale.service';

/** Largest statement the page sends (the API refuses bigger ones too). */
export const MAX_STATEMENT_BYTES = 5 * 1024 * 1024;

/** The payments received, and a bank statement (CAMT.053) imported: what it matched, what it did not. */
@Component({
  selector: 'app-payments-page',
  imports: [FormErrorComponent, MatButtonModule, RouterLink, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <section class="card">
        <h2>{{ t('billing.statement.title') }}</h2>
        <p class="muted">{{ t('billing.statement.intro') }}</p>
        <div class="actions">
          <input #file type="file" accept=".xml,application/xml,text/xml" hidden (change)="chosen(file)" data-testid="statement-file" />
          <button mat-flat-button type="button" (click)="file.click()" [disabled]="importing()" [attr.aria-busy]="importing()" data-testid="statement-import">
            {{ importing() ? t('billing.statement.importing') : t('billing.statement.choose') }}
          </button>
        </div>
        <app-form-error [error]="importError()" testId="statement-error" />
        @if (result(); as result) {
          <p data-testid="statement-summary">
            {{ t('billing.statement.summary', { entries: result.entries, matched: result.matched.length, unmatched: result.unmatched.length, already: result.alreadyImported }) }}
          </p>
          @if (result.matched.length) {
            <h3>{{ t('billing.statement.matched') }}</h3>
            <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="t('billing.statement.matched')">
              <table class="data" data-testid="statement-matched">
                <thead><tr><th scope="col">{{ t('billing.statement.entry') }}</th><th scope="col">{{ t('billing.invoices.number') }}</th><th scope="col" class="num">{{ t('billing.payments.amount') }}</th></tr></thead>
                <tbody>
                  @for (entry of result.matched; track $index) {
                    <tr><td>{{ entry.entryReference }}</td><td>{{ entry.invoiceNumber }}</td><td class="num">{{ money(entry.amountCents) }}</td></tr>
                  }
                </tbody>
              </table>
            </div>
          }
          @if (result.unmatched.length) {
            <h3>{{ t('billing.statement.unmatched') }}</h3>
            <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="t('billing.statement.unmatched')">
              <table class="data" data-testid="statement-unmatched">
                <thead><tr><th scope="col">{{ t('billing.statement.entry') }}</th><th scope="col">{{ t('billing.statement.remittance') }}</th><th scope="col" class="num">{{ t('billing.payments.amount') }}</th><th scope="col">{{ t('billing.statement.reason') }}</th></tr></thead>
                <tbody>
                  @for (entry of result.unmatched; track $index) {
                    <tr><td>{{ entry.entryReference }}</td><td>{{ entry.remittance ?? '—' }}</td><td class="num">{{ money(entry.amountCents) }}</td><td>{{ entry.reason }}</td></tr>
                  }
                </tbody>
              </table>
            </div>
          }
        }
      </section>

      @if (payments(); as payments) {
        <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="t('billing.payments.title')">
          <table class="data" data-testid="payments-table">
            <thead>
              <tr>
                <th scope="col">{{ t('billing.payments.receivedOn') }}</th>
                <th scope="col">{{ t('billing.invoices.number') }}</th>
                <th scope="col">{{ t('billing.payments.kind') }}</th>
                <th scope="col">{{ t('billing.payments.reference') }}</th>
                <th scope="col" class="num">{{ t('billing.payments.amount') }}</th>
              </tr>
            </thead>
            <tbody>
              @for (payment of payments; track payment.id) {
                <tr data-testid="payment-row">
                  <td class="nowrap">{{ day(payment.receivedOn) }}</td>
                  <td><a [routerLink]="['/manage/billing/invoices', payment.invoiceId]">{{ payment.invoiceNumber ?? '—' }}</a></td>
                  <td>{{ t(labels.paymentKind(payment.kind)) }}</td>
                  <td>{{ payment.reference ?? '—' }}</td>
                  <td class="num">{{ money(payment.amountCents) }}</td>
                </tr>
              } @empty {
                <tr><td colspan="5" class="muted">{{ t('billing.payments.empty') }}</td></tr>
              }
            </tbody>
          </table>
        </div>
      } @else if (loadFailed()) {
        <p class="form-error" role="alert">{{ t('billing.loadError') }}</p>
      } @else {
        <p class="muted" aria-busy="true">{{ t('pipeline.loading') }}</p>
      }
    </ng-container>
  `,
  styleUrl: './billing.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PaymentsPage {
  private readonly billing = inject(BillingService);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly labels = billingLabels;
  protected readonly payments = signal<Payment[] | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly importing = signal(false);
  protected readonly importError = signal<FormError | null>(null);
  protected readonly result = signal<BankStatementImportResult | null>(null);

  constructor() {
    this.load();
  }

  protected money(cents: number): string {
    return formatCents(cents, this.locale());
  }

  protected day(day: string): string {
    return formatDay(day, this.locale());
  }

  protected chosen(input: HTMLInputElement): void {
    const file = input.files?.[0];
    input.value = '';
    if (!file || this.importing()) {
      return;
    }
    if (file.size > MAX_STATEMENT_BYTES) {
      this.importError.set({ key: 'billing.statement.tooLarge' });
      return;
    }
    this.importing.set(true);
    this.importError.set(null);
    this.result.set(null);
    this.billing.importBankStatement(file).subscribe({
      next: (result) => {
        this.importing.set(false);
        this.result.set(result);
        this.load();
      },
      error: (failure: unknown) => {
        this.importing.set(false);
        this.importError.set(genericError(failure));
      },
    });
  }

  private load(): void {
    this.billing.payments().subscribe({
      next: (payments) => {
        this.loadFailed.set(false);
        this.payments.set(payments);
      },
      error: () => this.loadFailed.set(true),
    });
  }
}
