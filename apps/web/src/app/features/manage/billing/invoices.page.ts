import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { FormControl } from '@angular/forms';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { INVOICE_KINDS, INVOICE_STATUSES, InvoiceSummary, PageResponse, SETTLEMENT_STATUSES } from '@incubator/contracts';
import { catchError, distinctUntilChanged, map, of, switchMap, tap } from 'rxjs';
import { billingLabels, formatCents, formatDay } from '../../../core/billing/billing-format';
import { BillingService } from '../../../core/billing/billing.service';
import { LocaleService } from '../../../core/i18n/locale.service';
import { MonthFieldComponent } from '../../../core/ui/form-field/month-field.component';
import {
  changeInvoiceFilter,
  INVOICE_PAGE_SIZES,
  InvoiceFilter,
  invoiceFilterFromParams,
  invoiceFilterToParams,
  invoiceQuery,
  sameInvoiceFilter,
} from './invoice-filter';

/** A month as the filter takes it (YYYY-MM). */
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

interface Listing {
  page: PageResponse<InvoiceSummary> | null;
  loading: boolean;
  failed: boolean;
}

/** Every invoice and credit note, filtered by status, kind, settlement and month, paged from the address. */
@Component({
  selector: 'app-invoices-page',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatPaginatorModule, MonthFieldComponent, RouterLink, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      @let f = filter();
      <form class="filters" role="search" (submit)="$event.preventDefault()" [attr.aria-label]="t('billing.invoices.filters')">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ t('billing.invoices.status') }}</mat-label>
          <select matNativeControl (change)="choose('status', $event)" data-testid="invoices-filter-status">
            <option value="" [selected]="!f.status">{{ t('billing.all') }}</option>
            @for (status of statuses; track status) {
              <option [value]="status" [selected]="status === f.status">{{ t(labels.invoiceStatus(status)) }}</option>
            }
          </select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ t('billing.invoices.settlement') }}</mat-label>
          <select matNativeControl (change)="choose('settlement', $event)" data-testid="invoices-filter-settlement">
            <option value="" [selected]="!f.settlement">{{ t('billing.all') }}</option>
            @for (settlement of settlements; track settlement) {
              <option [value]="settlement" [selected]="settlement === f.settlement">{{ t(labels.settlement(settlement)) }}</option>
            }
          </select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ t('billing.invoices.kind') }}</mat-label>
          <select matNativeControl (change)="choose('kind', $event)" data-testid="invoices-filter-kind">
            <option value="" [selected]="!f.kind">{{ t('billing.all') }}</option>
            @for (kind of kinds; track kind) {
              <option [value]="kind" [selected]="kind === f.kind">{{ t(labels.invoiceKind(kind)) }}</option>
            }
          </select>
        </mat-form-field>
        <app-month-field
          class="month"
          [control]="month"
          [label]="t('billing.runs.month')"
          [placeholder]="t('billing.runs.monthPattern')"
          [invalidText]="t('billing.runs.monthInvalid')"
          testId="invoices-filter-month"
        />
        @if (hasFilters()) {
          <button mat-button type="button" (click)="clear()" data-testid="invoices-clear-filters">{{ t('billing.clearFilters') }}</button>
        }
      </form>

      @let list = listing();
      <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="t('billing.invoices.title')" [attr.aria-busy]="list.loading">
        <table class="data" data-testid="invoices-table">
          <thead>
            <tr>
              <th scope="col">{{ t('billing.invoices.number') }}</th>
              <th scope="col">{{ t('billing.invoices.customer') }}</th>
              <th scope="col">{{ t('billing.invoices.issueDate') }}</th>
              <th scope="col">{{ t('billing.invoices.dueDate') }}</th>
              <th scope="col" class="num">{{ t('billing.totals.inclVat') }}</th>
              <th scope="col" class="num">{{ t('billing.totals.balance') }}</th>
              <th scope="col">{{ t('billing.invoices.status') }}</th>
            </tr>
          </thead>
          <tbody>
            @for (invoice of list.page?.items ?? []; track invoice.id) {
              <tr [attr.data-testid]="'invoice-row-' + (invoice.number ?? invoice.id)">
                <th scope="row">
                  <a class="row-link nowrap" [routerLink]="['/manage/billing/invoices', invoice.id]" data-testid="invoice-link">
                    {{ invoice.number ?? t('billing.invoices.draftNumber') }}
                  </a>
                  @if (invoice.kind === 'credit_note') {
                    <span class="muted"> · {{ t(labels.invoiceKind(invoice.kind)) }}</span>
                  }
                </th>
                <td>{{ invoice.customerName }}</td>
                <td class="nowrap">{{ day(invoice.issueDate) }}</td>
                <td class="nowrap">{{ day(invoice.dueDate) }}</td>
                <td class="num">{{ money(invoice.totalInclVatCents) }}</td>
                <td class="num">{{ money(invoice.balanceCents) }}</td>
                <td class="nowrap">
                  <span class="badge" [attr.data-status]="invoice.status" data-testid="invoice-status">{{ t(labels.invoiceStatus(invoice.status)) }}</span>
                  @if (invoice.settlement) {
                    <span class="badge" [attr.data-status]="invoice.settlement" data-testid="invoice-settlement">{{ t(labels.settlement(invoice.settlement)) }}</span>
                  }
                </td>
              </tr>
            } @empty {
              <tr>
                <td colspan="7" class="muted" data-testid="invoices-empty">
                  {{ list.failed ? t('billing.loadError') : list.loading ? t('pipeline.loading') : t('billing.invoices.empty') }}
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      <mat-paginator
        [length]="list.page?.total ?? 0"
        [pageIndex]="f.pageIndex"
        [pageSize]="f.pageSize"
        [pageSizeOptions]="pageSizes"
        (page)="pageTo($event)"
        data-testid="invoices-paginator"
      />
    </ng-container>
  `,
  styleUrl: './billing.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvoicesPage {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly billing = inject(BillingService);

  protected readonly locale = inject(LocaleService).locale;
  protected readonly labels = billingLabels;
  protected readonly statuses = INVOICE_STATUSES;
  protected readonly settlements = SETTLEMENT_STATUSES;
  protected readonly kinds = INVOICE_KINDS;
  protected readonly pageSizes = INVOICE_PAGE_SIZES;
  protected readonly month = new FormControl('', { nonNullable: true });
  protected readonly filter = toSignal(this.route.queryParamMap.pipe(map(invoiceFilterFromParams)), { requireSync: true });
  protected readonly listing = signal<Listing>({ page: null, loading: true, failed: false });
  protected readonly hasFilters = computed(() => {
    const f = this.filter();
    return !!(f.status || f.settlement || f.kind || f.month);
  });

  constructor() {
    // The month field and the address agree both ways: a month typed or picked filters (an unfinished
    // text does not), and the address (back, clear) sets the field.
    this.month.valueChanges.pipe(takeUntilDestroyed()).subscribe((month) => {
      if ((month === '' || MONTH.test(month)) && (month || null) !== (this.filter().month ?? null)) this.apply({ month: month || null });
    });
    effect(() => {
      const month = this.filter().month ?? '';
      if (this.month.value !== month) this.month.setValue(month, { emitEvent: false });
    });
    this.route.queryParamMap
      .pipe(
        map(invoiceFilterFromParams),
        distinctUntilChanged(sameInvoiceFilter),
        tap(() => this.listing.update((listing) => ({ ...listing, loading: true }))),
        switchMap((filter) => this.billing.invoices(invoiceQuery(filter)).pipe(catchError(() => of(null)))),
        takeUntilDestroyed(),
      )
      .subscribe((page) =>
        this.listing.update((listing) => (page ? { page, loading: false, failed: false } : { ...listing, loading: false, failed: true })),
      );
  }

  protected money(cents: number): string {
    return formatCents(cents, this.locale());
  }

  protected day(day: string | null): string {
    return day ? formatDay(day, this.locale()) : '—';
  }

  protected choose(key: 'status' | 'settlement' | 'kind', event: Event): void {
    const value = (event.target as HTMLSelectElement | HTMLInputElement).value;
    this.apply({ [key]: value || null });
  }

  protected pageTo(event: PageEvent): void {
    this.apply({ pageIndex: event.pageIndex, pageSize: event.pageSize });
  }

  protected clear(): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: {} });
  }

  private apply(change: Partial<InvoiceFilter>): void {
    const next = changeInvoiceFilter(this.filter(), change);
    void this.router.navigate([], { relativeTo: this.route, queryParams: invoiceFilterToParams(next) });
  }
}
