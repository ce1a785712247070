import { ParamMap, Params } from '@angular/router';
import { INVOICE_KINDS, INVOICE_STATUSES, InvoiceKind, InvoiceStatus, SETTLEMENT_STATUSES, SettlementStatus } from '@incubator/contracts';
import { InvoiceQuery } from '../../../core/billing/billing.service';

export const INVOICE_PAGE_SIZES = [20, 50, 100];
const DEFAULT_PAGE_SIZE = 20;

/** What the invoices list shows, kept in the address (`?status=issued&settlement=overdue&month=2026-11&page=2`). */
export interface InvoiceFilter {
  status: InvoiceStatus | null;
  kind: InvoiceKind | null;
  settlement: SettlementStatus | null;
  month: string | null;
  pageIndex: number;
  pageSize: number;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

/** What it cannot read (a mistyped status, page 0) falls back to the default, so an edited link still opens. */
export function invoiceFilterFromParams(params: ParamMap): InvoiceFilter {
  const page = Number(params.get('page'));
  const size = Number(params.get('size'));
  const month = params.get('month');
  return {
    status: oneOf(INVOICE_STATUSES, params.get('status')),
    kind: oneOf(INVOICE_KINDS, params.get('kind')),
    settlement: oneOf(SETTLEMENT_STATUSES, params.get('settlement')),
    month: month && /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : null,
    pageIndex: Number.isInteger(page) && page > 1 ? page - 1 : 0,
    pageSize: INVOICE_PAGE_SIZES.includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
}

export function invoiceFilterToParams(filter: InvoiceFilter): Params {
  const params: Params = {};
  for (const key of ['status', 'kind', 'settlement', 'month'] as const) {
    if (filter[key]) {
      params[key] = filter[key];
    }
  }
  if (filter.pageIndex > 0) {
    params['page'] = filter.pageIndex + 1;
  }
  if (filter.pageSize !== DEFAULT_PAGE_SIZE) {
    params['size'] = filter.pageSize;
  }
  return params;
}

/** A change of filter goes back to the first page; a change of page keeps the filters. */
export function changeInvoiceFilter(current: InvoiceFilter, change: Partial<InvoiceFilter>): InvoiceFilter {
  const paging = 'pageIndex' in change || 'pageSize' in change;
  return { ...current, ...change, pageIndex: paging ? (change.pageIndex ?? current.pageIndex) : 0 };
}

export function invoiceQuery(filter: InvoiceFilter): InvoiceQuery {
  const { pageIndex, pageSize, ...filters } = filter;
  return { ...filters, limit: pageSize, offset: pageIndex * pageSize };
}

export function sameInvoiceFilter(a: InvoiceFilter, b: InvoiceFilter): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
