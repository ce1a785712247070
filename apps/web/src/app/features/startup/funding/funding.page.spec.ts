import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { FundingRoundResponse, InvestorResponse } from '@incubator/contracts';
import { afterDialogClosed, byTestId, clickOn, settle, typeInto } from '../../../../testing/dom';
import { signIn } from '../../../../testing/identity-fixtures';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { LocaleService } from '../../../core/i18n/locale.service';
import { FundingPage } from './funding.page';

const nord: InvestorResponse = { id: 'inv-1', name: 'Nord Capital', kind: 'fund', website: null, roundCount: 2 };
const bpi: InvestorResponse = { id: 'inv-2', name: 'Banque Publique', kind: 'public_bank', website: null, roundCount: 5 };

function round(overrides: Partial<FundingRoundResponse> = {}): FundingRoundResponse {
  return {
    id: 'round-1',
    startupId: 'startup-1',
    startupName: 'Acme SAS',
    kind: 'seed',
    status: 'closed',
    currency: 'EUR',
    amount: '1500000.00',
    eurRate: '1',
    amountEur: '1500000.00',
    amountEurCents: 150000000,
    announcedOn: null,
    closedOn: '2026-03-10',
    investors: [{ id: 'inv-1', name: 'Nord Capital', kind: 'fund' }],
    leadInvestorId: 'inv-1',
    preMoneyValuation: null,
    valuationHidden: false,
    updatedAt: '2026-03-10T10:00:00Z',
    ...overrides,
  };
}

describe('FundingPage (startup portal)', () => {
  let fixture: ComponentFixture<FundingPage>;
  let backend: HttpTestingController;
  let page: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [FundingPage, translocoTesting({ translocoConfig: { defaultLang: 'en' } })],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    TestBed.inject(LocaleService).use('en');
    backend = TestBed.inject(HttpTestingController);
    await signIn('startup');
    fixture = TestBed.createComponent(FundingPage);
    const list = backend.expectOne((r) => r.url === '/api/funding-rounds');
    expect(list.request.params.get('startupId')).toBe('startup-1');
    list.flush({ items: [round()], total: 1, limit: 100, offset: 0 });
    await fixture.whenStable();
    page = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  it("lists the startup's rounds", () => {
    const rows = page.querySelectorAll('[data-testid="round-row"]');
    expect(rows).toHaveLength(1);
    expect(rows[0].textContent).toContain('Seed');
    expect(rows[0].textContent).toContain('Closed');
    expect(rows[0].textContent).toContain('closed Mar 10, 2026');
    expect(rows[0].textContent).toContain('Nord Capital (lead)');
  });

  it('creates a round in another currency with its investors, one of them added to the directory', async () => {
    await clickOn('round-new', page);
    backend.expectOne((r) => r.url === '/api/investors' && r.method === 'GET').flush([nord, bpi]);
    await settle();

    expect(document.querySelector('[data-testid="round-eur-rate"]')).toBeNull();
    await typeInto('round-kind', 'series_a');
    await typeInto('round-status', 'closed');
    await typeInto('round-currency', 'USD');
    await typeInto('round-amount', '2000000.505');
    expect(byTestId('round-amount').closest('mat-form-field')?.textContent).toContain('Enter a positive amount');
    await typeInto('round-amount', '2000000.50');
    await typeInto('round-eur-rate', '0,92');
    await typeInto('round-closed-on', '2026-03-10');
    await typeInto('round-valuation', '8000000');

    const nordBox = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="round-investor"]'))
      .find((label) => label.textContent?.includes('Nord Capital'))
      ?.querySelector('input');
    nordBox?.click();
    await settle();

    await clickOn('round-investor-new');
    await typeInto('investor-name', 'Lille Angels');
    await typeInto('investor-kind', 'business_angel');
    await clickOn('investor-add');
    const created = backend.expectOne((r) => r.url === '/api/investors' && r.method === 'POST');
    expect(created.request.body).toEqual({ name: 'Lille Angels', kind: 'business_angel' });
    created.flush({ id: 'inv-3', name: 'Lille Angels', kind: 'business_angel', website: null, roundCount: 0 });
    await settle();

    const lead = byTestId<HTMLSelectElement>('round-lead');
    expect(Array.from(lead.options).map((o) => o.value)).toEqual(['', 'inv-1', 'inv-3']);
    await typeInto('round-lead', 'inv-3');

    await clickOn('round-save');
    const post = backend.expectOne((r) => r.url === '/api/funding-rounds' && r.method === 'POST');
    expect(post.request.body).toEqual({
      startupId: 'startup-1',
      kind: 'series_a',
      status: 'closed',
      currency: 'USD',
      amount: '2000000.50',
      eurRate: '0.92',
      closedOn: '2026-03-10',
      investorIds: ['inv-1', 'inv-3'],
      leadInvestorId: 'inv-3',
      preMoneyValuation: '8000000',
    });
    post.flush(round({ id: 'round-2', kind: 'series_a', currency: 'USD', amount: '2000000.50' }));
    await afterDialogClosed();

    expect(page.querySelectorAll('[data-testid="round-row"]')).toHaveLength(2);
  });

  it('asks for the closing date of a closed round before sending it', async () => {
    await clickOn('round-new', page);
    backend.expectOne((r) => r.url === '/api/investors').flush([]);
    await settle();

    await typeInto('round-kind', 'seed');
    await typeInto('round-status', 'closed');
    await typeInto('round-amount', '100000');
    await clickOn('round-save');

    expect(byTestId('round-closed-on').closest('mat-form-field')?.textContent).toContain(
      'A closed round needs its closing date.',
    );
    backend.expectNone((r) => r.url === '/api/funding-rounds' && r.method === 'POST');
  });

  it('edits a round, sending the changed form', async () => {
    await clickOn('round-edit', page);
    backend.expectOne((r) => r.url === '/api/investors').flush([nord]);
    await settle();

    expect(byTestId<HTMLInputElement>('round-amount').value).toBe('1500000.00');
    await typeInto('round-amount', '1600000');
    await clickOn('round-save');
    const patch = backend.expectOne('/api/funding-rounds/round-1');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toMatchObject({ amount: '1600000', investorIds: ['inv-1'], leadInvestorId: 'inv-1' });
    patch.flush(round({ amount: '1600000.00', amountEur: '1600000.00' }));
    await afterDialogClosed();

    expect(page.querySelector('[data-testid="round-amount-value"]')?.textContent).toContain('€1,600,000.00');
  });
});
