import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { InvoiceDetail, PAYMENT_KINDS, Permission } from '@incubator/contracts';
import { filter, map, switchMap } from 'rxjs';
import { fileDownloads } from '../../../core/api/file-download';
import { AuthService } from '../../../core/auth/auth.service';
import { billingLabels, centsToInput, euros, formatCents, formatDay, formatPeriod, formatRate, parseEuros } from '../../../core/billing/billing-format';
import { BillingService } from '../../../core/billing/billing.service';
import { FormError, genericError } from '../../../core/forms/api-error';
import { SelectFieldComponent } from '../../../core/forms/select-field.component';
import { submitForm, submitState } from '../../../core/forms/submit-form';
import { FormErrorComponent } from '../../../core/forms/form-error.component';
import { LocaleService } from '../../../core/i18n/locale.service';
import { today } from '../../../core/space/today';
import { ConfirmDialogComponent, ConfirmDialogData } from '../../../core/ui/confirm-dialog.component';
import { DateFieldComponent } from '../../../core/ui/form-field/date-field.component';
import { FormFieldComponent } from '../../../core/ui/form-field/form-field.component';
import { CreditNoteDialogComponent } from './credit-note-dialog.component';

type Loaded = InvoiceDetail | 'failed' | null;

/**
 * One invoice or credit note: its lines, totals, payments and credit notes. A draft is issued or
 * cancelled; an issued invoice never changes — it is downloaded, credited, or paid.
 */
@Component({
  selector: 'app-invoice-detail-page',
  imports: [DateFieldComponent, FormErrorComponent, FormFieldComponent, MatButtonModule, ReactiveFormsModule, RouterLink, SelectFieldComponent, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <a mat-button routerLink="/manage/billing/invoices" data-testid="invoice-back">{{ t('billing.invoice.back') }}</a>
      @let loaded = invoice();
      @if (loaded === 'failed') {
        <p class="form-error" role="alert">{{ t('billing.loadError') }}</p>
      } @else if (loaded === null) {
        <p class="muted" aria-busy="true">{{ t('pipeline.loading') }}</p>
      } @else {
        <div class="page-header">
          <div>
            <h2 data-testid="invoice-title">
              {{ t(labels.invoiceKind(loaded.kind)) }} {{ loaded.number ?? t('billing.invoices.draftNumber') }}
            </h2>
            <p>
              <span class="badge" [attr.data-status]="loaded.status" data-testid="invoice-status">{{ t(labels.invoiceStatus(loaded.status)) }}</span>
              @if (loaded.settlement) {
                <span class="badge" [attr.data-status]="loaded.settlement" data-testid="invoice-settlement">{{ t(labels.settlement(loaded.settlement)) }}</span>
              }
            </p>
          </div>
          <div class="actions">
            @if (loaded.status === 'issued') {
              <button mat-stroked-button type="button" (click)="downloadPdf(loaded)" [disabled]="downloads.busy() !== null" data-testid="invoice-pdf">{{ t('billing.invoice.pdf') }}</button>
              <button mat-stroked-button type="button" (click)="downloadXml(loaded)" [disabled]="downloads.busy() !== null" data-testid="invoice-xml">{{ t('billing.invoice.xml') }}</button>
              @if (canManage() && loaded.kind === 'invoice') {
                <button mat-stroked-button type="button" (click)="openCreditNote(loaded)" data-testid="invoice-credit-note">{{ t('billing.invoice.creditNote') }}</button>
              }
            }
            @if (canManage() && loaded.status === 'draft') {
              <button mat-flat-button type="button" (click)="issue(loaded)" [disabled]="acting()" data-testid="invoice-issue">{{ t('billing.invoice.issue') }}</button>
              <button mat-stroked-button type="button" (click)="cancel(loaded)" [disabled]="acting()" data-testid="invoice-cancel">{{ t('billing.invoice.cancel') }}</button>
            }
          </div>
        </div>
        <app-form-error [error]="actionError() ?? downloads.error()" testId="invoice-error" />

        <dl class="facts">
          <div><dt>{{ t('billing.invoices.customer') }}</dt><dd>{{ loaded.customerName }}</dd></div>
          <div><dt>{{ t('billing.invoices.issueDate') }}</dt><dd>{{ day(loaded.issueDate) }}</dd></div>
          <div><dt>{{ t('billing.invoices.dueDate') }}</dt><dd>{{ day(loaded.dueDate) }}</dd></div>
          <div><dt>{{ t('billing.invoice.period') }}</dt><dd>{{ period(loaded.periodStart, loaded.periodEnd) || '—' }}</dd></div>
          <div><dt>{{ t('billing.invoice.paymentMethod') }}</dt><dd>{{ t(labels.paymentMethod(loaded.paymentMethod)) }}</dd></div>
          @if (loaded.creditedInvoiceId) {
            <div>
              <dt>{{ t('billing.invoice.corrects') }}</dt>
              <dd><a [routerLink]="['/manage/billing/invoices', loaded.creditedInvoiceId]">{{ loaded.creditedInvoiceNumber }}</a></dd>
            </div>
          }
          @if (loaded.creditReason) {
            <div><dt>{{ t('billing.creditNote.reason') }}</dt><dd>{{ loaded.creditReason }}</dd></div>
          }
        </dl>

        <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="t('billing.invoice.lines')">
          <table class="data" data-testid="invoice-lines">
            <thead>
              <tr>
                <th scope="col">{{ t('billing.invoice.label') }}</th>
                <th scope="col">{{ t('billing.invoice.kind') }}</th>
                <th scope="col">{{ t('billing.invoice.period') }}</th>
                <th scope="col" class="num">{{ t('billing.invoice.vat') }}</th>
                <th scope="col" class="num">{{ t('billing.totals.exclVat') }}</th>
              </tr>
            </thead>
            <tbody>
              @for (line of loaded.lines; track line.id) {
                <tr [attr.data-testid]="'invoice-line-' + line.position">
                  <td>{{ line.label }}</td>
                  <td>{{ t(labels.lineKind(line.kind)) }}</td>
                  <td class="nowrap">{{ period(line.periodStart, line.periodEnd) }}</td>
                  <td class="num">{{ line.vatCategory === 'S' ? rate(line.vatRateBp) : t(labels.vatCategory(line.vatCategory)) }}</td>
                  <td class="num" data-testid="invoice-line-amount">{{ money(line.amountCents) }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        <dl class="totals" data-testid="invoice-totals">
          <dt>{{ t('billing.totals.exclVat') }}</dt><dd>{{ money(loaded.totalExclVatCents) }}</dd>
          <dt>{{ t('billing.totals.vat') }}</dt><dd>{{ money(loaded.vatCents) }}</dd>
          <dt class="strong">{{ t('billing.totals.inclVat') }}</dt><dd class="strong" data-testid="invoice-total">{{ money(loaded.totalInclVatCents) }}</dd>
          @if (loaded.status === 'issued' && loaded.kind === 'invoice') {
            <dt>{{ t('billing.totals.paid') }}</dt><dd>{{ money(loaded.paidCents) }}</dd>
            <dt class="strong">{{ t('billing.totals.balance') }}</dt><dd class="strong" data-testid="invoice-balance">{{ money(loaded.balanceCents) }}</dd>
          }
        </dl>

        @if (loaded.kind === 'invoice' && loaded.status === 'issued') {
          <div class="columns">
            <section class="card">
              <h2>{{ t('billing.payments.title') }}</h2>
              <ul class="plain" data-testid="invoice-payments">
                @for (payment of loaded.payments; track payment.id) {
                  <li>{{ day(payment.receivedOn) }} · {{ t(labels.paymentKind(payment.kind)) }} · <strong>{{ money(payment.amountCents) }}</strong>
                    @if (payment.reference) { <span class="muted">({{ payment.reference }})</span> }
                  </li>
                } @empty {
                  <li class="muted">{{ t('billing.payments.none') }}</li>
                }
              </ul>
              @if (canManage() && loaded.balanceCents > 0) {
                <form class="form-grid" [formGroup]="paymentForm" (ngSubmit)="recordPayment(loaded)" novalidate>
                  <app-form-field [control]="paymentForm.controls.amount" [label]="t('billing.payments.amount')" inputMode="decimal" suffix="€" testId="payment-amount" />
                  <app-date-field [control]="paymentForm.controls.receivedOn" [label]="t('billing.payments.receivedOn')" testId="payment-date" />
                  <app-select-field [control]="paymentForm.controls.kind" [label]="t('billing.payments.kind')" [options]="paymentKinds" labelKey="billing.paymentKinds." testId="payment-kind" />
                  <app-form-field [control]="paymentForm.controls.reference" [label]="t('billing.payments.reference')" [maxLength]="140" testId="payment-reference" />
                  <div>
                    <button mat-flat-button type="submit" [attr.aria-busy]="payment.submitting()" data-testid="payment-record">{{ t('billing.payments.record') }}</button>
                  </div>
                </form>
                <app-form-error [error]="payment.error()" testId="payment-error" />
              }
            </section>
            <section class="card">
              <h2>{{ t('billing.invoice.creditNotes') }}</h2>
              <ul class="plain" data-testid="invoice-credit-notes">
                @for (note of loaded.creditNotes; track note.id) {
                  <li>
                    <a [routerLink]="['/manage/billing/invoices', note.id]">{{ note.number ?? t('billing.invoices.draftNumber') }}</a>
                    · {{ day(note.issueDate) }} · <strong>{{ money(note.totalInclVatCents) }}</strong>
                  </li>
                } @empty {
                  <li class="muted">{{ t('billing.invoice.noCreditNotes') }}</li>
                }
              </ul>
            </section>
          </div>
        }
      }
    </ng-container>
  `,
  styleUrl: './billing.scss',
  styles: `
    .facts {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
      gap: 0.5rem 1rem;
    }
    .facts dt {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-medium);
    }
    .facts dd {
      margin: 0;
    }
    .columns {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr));
      gap: 1rem;
    }
    .plain {
      list-style: none;
      padding: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvoiceDetailPage {
  private readonly billing = inject(BillingService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);
  private readonly auth = inject(AuthService);

  protected readonly locale = inject(LocaleService).locale;
  protected readonly labels = billingLabels;
  protected readonly paymentKinds = PAYMENT_KINDS;
  protected readonly canManage = computed(() => this.auth.permissions().includes(Permission.BillingManage));
  protected readonly invoice = signal<Loaded>(null);
  protected readonly acting = signal(false);
  protected readonly actionError = signal<FormError | null>(null);
  protected readonly downloads = fileDownloads();
  protected readonly payment = submitState();
  protected readonly paymentForm = new FormGroup({
    amount: new FormControl('', { nonNullable: true, validators: [Validators.required, euros()] }),
    receivedOn: new FormControl(today(), { nonNullable: true, validators: Validators.required }),
    kind: new FormControl<string>('transfer', { nonNullable: true, validators: Validators.required }),
    reference: new FormControl('', { nonNullable: true }),
  });

  constructor() {
    this.route.paramMap
      .pipe(
        map((params) => params.get('id') ?? ''),
        switchMap((id) => {
          this.invoice.set(null);
          return this.billing.invoice(id);
        }),
        takeUntilDestroyed(),
      )
      .subscribe({ next: (invoice) => this.show(invoice), error: () => this.invoice.set('failed') });
  }

  protected money(cents: number): string {
    return formatCents(cents, this.locale());
  }

  protected day(day: string | null): string {
    return day ? formatDay(day, this.locale()) : '—';
  }

  protected period(start: string | null, end: string | null): string {
    return formatPeriod(start, end, this.locale());
  }

  protected rate(bp: number): string {
    return formatRate(bp, this.locale());
  }

  protected downloadPdf(invoice: InvoiceDetail): void {
    this.downloads.start(this.billing.pdf(invoice.id), `${invoice.number ?? invoice.id}.pdf`);
  }

  protected downloadXml(invoice: InvoiceDetail): void {
    this.downloads.start(this.billing.xml(invoice.id), `${invoice.number ?? invoice.id}.xml`);
  }

  protected issue(invoice: InvoiceDetail): void {
    this.act(this.billing.issueInvoice(invoice.id));
  }

  protected cancel(invoice: InvoiceDetail): void {
    const t = (key: string) => this.transloco.translate(key);
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
        data: { title: t('billing.invoice.cancelTitle'), text: t('billing.invoice.cancelText'), confirm: t('billing.invoice.cancel'), cancel: t('forms.cancel') },
      })
      .afterClosed()
      .pipe(filter(Boolean))
      .subscribe(() => this.act(this.billing.cancelInvoice(invoice.id)));
  }

  protected openCreditNote(invoice: InvoiceDetail): void {
    this.dialog
      .open<CreditNoteDialogComponent, InvoiceDetail, InvoiceDetail>(CreditNoteDialogComponent, { data: invoice, width: '40rem', maxWidth: '95vw' })
      .afterClosed()
      .pipe(filter((note): note is InvoiceDetail => !!note))
      .subscribe((note) => void this.router.navigate(['/manage/billing/invoices', note.id]));
  }

  protected recordPayment(invoice: InvoiceDetail): void {
    const value = this.paymentForm.getRawValue();
    submitForm(
      this.paymentForm,
      this.payment,
      () =>
        this.billing.recordPayment({
          invoiceId: invoice.id,
          kind: value.kind as InvoiceDetail['payments'][number]['kind'],
          amountCents: parseEuros(value.amount) ?? 0,
          receivedOn: value.receivedOn,
          ...(value.reference.trim() ? { reference: value.reference.trim() } : {}),
        }),
      () => this.reload(invoice.id),
      { amountCents: 'amount' },
    );
  }

  private act(request: ReturnType<BillingService['issueInvoice']>): void {
    this.acting.set(true);
    this.actionError.set(null);
    request.subscribe({
      next: (invoice) => {
        this.acting.set(false);
        this.show(invoice);
      },
      error: (failure: unknown) => {
        this.acting.set(false);
        this.actionError.set(genericError(failure));
      },
    });
  }

  private reload(id: string): void {
    this.billing.invoice(id).subscribe({ next: (invoice) => this.show(invoice), error: () => this.invoice.set('failed') });
  }

  private show(invoice: InvoiceDetail): void {
    this.invoice.set(invoice);
    // The usual payment settles the balance: offered as the amount, the manager changes it for a partial one.
    this.paymentForm.reset({ amount: invoice.balanceCents > 0 ? centsToInput(invoice.balanceCents, this.locale()) : '', receivedOn: today(), kind: invoice.paymentMethod, reference: '' });
  }
}
