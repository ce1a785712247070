import { convertToParamMap } from '@angular/router';
import { billingRun, invoiceDetail } from '../../../core/billing/billing-fixtures';
import { signedChargeCents } from './charges.page';
import { creditNoteRequest } from './credit-note-dialog.component';
import { compactIban, parseRecipients } from './customer-dialog.component';
import { changeInvoiceFilter, invoiceFilterFromParams, invoiceFilterToParams, invoiceQuery } from './invoice-filter';
import { canIssueRun, isRunBusy, mergeRun, runPercent } from './run-state';

describe('invoice filter', () => {
  it('reads the address, ignoring what it cannot read', () => {
    const filter = invoiceFilterFromParams(convertToParamMap({ status: 'issued', settlement: 'nope', month: '2026-13', page: '3', size: '50' }));
    expect(filter).toEqual({ status: 'issued', kind: null, settlement: null, month: null, pageIndex: 2, pageSize: 50 });
    expect(invoiceQuery(filter)).toEqual({ status: 'issued', kind: null, settlement: null, month: null, limit: 50, offset: 100 });
  });

  it('writes only what differs from the defaults and goes back to page 1 on a new filter', () => {
    const onPage3 = invoiceFilterFromParams(convertToParamMap({ page: '3' }));
    const changed = changeInvoiceFilter(onPage3, { settlement: 'overdue' });
    expect(invoiceFilterToParams(changed)).toEqual({ settlement: 'overdue' });
    expect(invoiceFilterToParams(changeInvoiceFilter(changed, { pageIndex: 1 }))).toEqual({ settlement: 'overdue', page: 2 });
  });
});

describe('run state', () => {
  it('follows a busy run and offers to issue a drafted one', () => {
    expect(isRunBusy(billingRun({ status: 'drafting' }))).toBe(true);
    expect(canIssueRun(billingRun({ status: 'drafted' }))).toBe(true);
    expect(canIssueRun(billingRun({ status: 'issued' }))).toBe(false);
    expect(canIssueRun(billingRun({ status: 'failed', draftCount: 2 }))).toBe(true);
    expect(runPercent(billingRun({ progress: 1, total: 3 }))).toBe(33);
    expect(runPercent(billingRun({ progress: 0, total: 0 }))).toBe(0);
  });

  it('replaces a run in the list, newest month first', () => {
    const runs = [billingRun({ id: 'a', month: '2026-10' })];
    const merged = mergeRun(mergeRun(runs, billingRun({ id: 'b', month: '2026-11' })), billingRun({ id: 'a', month: '2026-10', status: 'issued' }));
    expect(merged.map((r) => [r.id, r.status])).toEqual([
      ['b', 'drafted'],
      ['a', 'issued'],
    ]);
  });
});

describe('credit note request', () => {
  const { lines } = invoiceDetail();

  it('credits the whole invoice without lines', () => {
    expect(creditNoteRequest(' Erreur de surface ', false, lines, ['', ''])).toEqual({ reason: 'Erreur de surface' });
  });

  it('credits the amounts typed per line, in exact cents, and nothing when none is typed', () => {
    expect(creditNoteRequest('Remise', true, lines, ['', '100,10'])).toEqual({ reason: 'Remise', lines: [{ lineId: 'line-2', amountCents: 10010 }] });
    expect(creditNoteRequest('Remise', true, lines, ['', ''])).toBeNull();
  });
});

describe('customer and charge helpers', () => {
  it('reads recipients and IBANs as typed', () => {
    expect(parseRecipients('a@x.fr, b@x.fr\nA@x.fr\n\na@x.fr')).toEqual(['a@x.fr', 'b@x.fr', 'A@x.fr']);
    expect(compactIban('fr76 3000 6000 0112 3456 7890 189')).toBe('FR7630006000011234567890189');
  });

  it('makes a discount and a deposit refund negative', () => {
    expect(signedChargeCents('discount', 5000)).toBe(-5000);
    expect(signedChargeCents('deposit_refund', 5000)).toBe(-5000);
    expect(signedChargeCents('deposit', 5000)).toBe(5000);
  });
});
