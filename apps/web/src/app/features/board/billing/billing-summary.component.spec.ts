import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { LocaleService } from '../../../core/i18n/locale.service';
import { byTestId, settle } from '../../../../testing/dom';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { BillingSummaryComponent, summaryRange } from './billing-summary.component';

describe('summaryRange', () => {
  it('spans the four quarters ending with the one chosen', () => {
    expect(summaryRange('2026-Q3')).toEqual({ from: '2025-10', to: '2026-09' });
    expect(summaryRange('bad')).toBeNull();
  });
});

describe('BillingSummaryComponent', () => {
  it('shows billed, collected and overdue totals per quarter', async () => {
    TestBed.configureTestingModule({
      imports: [BillingSummaryComponent, translocoTesting({ translocoConfig: { defaultLang: 'fr' } })],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    TestBed.inject(LocaleService).use('fr');
    const backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(BillingSummaryComponent);
    fixture.componentRef.setInput('quarter', '2026-Q3');
    fixture.componentRef.setInput('locale', 'fr');
    await settle();
    const request = backend.expectOne((r) => r.url === '/api/billing/summary');
    expect([request.request.params.get('from'), request.request.params.get('to')]).toEqual(['2025-10', '2026-09']);
    request.flush([{ quarter: '2026-Q3', billedCents: 1_234_56, collectedCents: 100_000, overdueCents: 23_456 }]);
    await settle();
    const row = byTestId('board-billing-2026-Q3', fixture.nativeElement as HTMLElement);
    const cells = Array.from(row.children).map((cell) => (cell.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ').trim());
    expect(cells).toEqual(['T3 2026', '1 234,56 €', '1 000,00 €', '234,56 €']);
    backend.verify();
  });
});
