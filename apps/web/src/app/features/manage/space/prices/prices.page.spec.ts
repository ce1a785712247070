import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { OrganisationResponse, SpacePriceResponse } from '@incubator/contracts';
import { byTestId, clickOn, settle, typeInto } from '../../../../../testing/dom';
import { signIn } from '../../../../../testing/identity-fixtures';
import { translocoTesting } from '../../../../../testing/transloco-testing';
import { LocaleService } from '../../../../core/i18n/locale.service';
import { markCurrent, PricesPage, pricesCsv } from './prices.page';

const organisation: OrganisationResponse = {
  id: 'org-1',
  slug: 'euratech',
  name: 'EuraTechnologies',
  timeZone: 'Europe/Paris',
  defaultLocale: 'fr',
  sites: [{ id: 'site-1', slug: 'lille', name: 'Lille — Bois Blancs', city: 'Lille', address: null }],
};
const price = (id: string, effectiveFrom: string, cents: number, programKind: SpacePriceResponse['programKind'] = 'incubator'): SpacePriceResponse => ({
  id,
  siteId: 'site-1',
  siteName: 'Lille — Bois Blancs',
  programKind,
  effectiveFrom,
  monthlyPricePerM2Cents: cents,
  createdAt: '2026-01-01T09:00:00.000Z',
});
// Newest first within a pair, as the API lists them.
const prices = [price('p-acc', '2000-01-01', 1200, 'accelerator'), price('p-next', '2999-01-01', 2000), price('p-now', '2026-01-01', 1850), price('p-old', '2000-01-01', 1500)];

describe('markCurrent', () => {
  it('marks, per site and kind, the latest price effective on or before the day', () => {
    const lines = markCurrent(prices, '2026-06-01');
    expect(lines.filter((l) => l.current).map((l) => l.id)).toEqual(['p-acc', 'p-now']);
    expect(markCurrent(prices, '2025-12-31').filter((l) => l.current).map((l) => l.id)).toEqual(['p-acc', 'p-old']);
  });
});

describe('pricesCsv', () => {
  it('writes French CSV with semicolons and decimal commas, English with commas and points', () => {
    const lines = markCurrent([price('p', '2026-01-01', 1850)], '2026-06-01');
    const kind = (k: string) => (k === 'incubator' ? 'Incubateur' : k);
    expect(pricesCsv(lines, 'fr', ['Site', 'Type', 'Du', 'Prix'], kind)).toBe('Site;Type;Du;Prix\r\nLille — Bois Blancs;Incubateur;2026-01-01;18,50\r\n');
    expect(pricesCsv(lines, 'en', ['Site', 'Kind', 'From', 'Price'], kind)).toBe('Site,Kind,From,Price\r\nLille — Bois Blancs,Incubateur,2026-01-01,18.50\r\n');
  });
});

describe('PricesPage', () => {
  let fixture: ComponentFixture<PricesPage>;
  let backend: HttpTestingController;
  const view = () => fixture.nativeElement as HTMLElement;
  const list = () => backend.expectOne((r) => r.url === '/api/space/prices' && r.method === 'GET');

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [PricesPage, translocoTesting({ translocoConfig: { defaultLang: 'fr' } })],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    TestBed.inject(LocaleService).use('fr');
    backend = TestBed.inject(HttpTestingController);
    await signIn('manager');
    fixture = TestBed.createComponent(PricesPage);
    backend.expectOne('/api/organisation').flush(organisation);
    list().flush(prices);
    await fixture.whenStable();
    await settle();
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  it('lists every price with its history, in French, the one in force marked', () => {
    const now = byTestId('price-row-p-now', view());
    expect(now.textContent).toContain('Lille — Bois Blancs');
    expect(byTestId('price-amount', now).textContent?.replace(/\s/g, ' ')).toContain('18,50 €');
    expect(byTestId('price-status', now).textContent).toContain('En vigueur');
    expect(byTestId('price-status', byTestId('price-row-p-old', view())).textContent).toContain('Historique');
    expect(byTestId('price-status', byTestId('price-row-p-next', view())).textContent).toContain('À venir');
  });

  it('adds a price from a date, in euros, and reads the list again', async () => {
    await typeInto('prices-kind', 'accelerator', view());
    // Typed as a French day (the UI's language), sent as YYYY-MM-DD.
    await typeInto('prices-from', '01/01/2027', view());
    expect((byTestId('prices-from', view()) as HTMLInputElement).type).toBe('text');
    await typeInto('prices-price', '21,40', view());
    await clickOn('prices-submit', view());
    const add = backend.expectOne((r) => r.url === '/api/space/prices' && r.method === 'POST');
    expect(add.request.body).toEqual({ siteId: 'site-1', programKind: 'accelerator', effectiveFrom: '2027-01-01', monthlyPricePerM2Cents: 2140 });
    add.flush(price('p-new', '2027-01-01', 2140, 'accelerator'));
    await settle();
    list().flush([price('p-new', '2027-01-01', 2140, 'accelerator'), ...prices]);
    await settle();
    expect(byTestId('price-row-p-new', view()).textContent).toContain('21,40');
  });

  it('says why a price was refused', async () => {
    await typeInto('prices-from', '2026-01-01', view());
    await typeInto('prices-price', '19', view());
    await clickOn('prices-submit', view());
    backend
      .expectOne((r) => r.url === '/api/space/prices' && r.method === 'POST')
      .flush({ code: 'space.price_date_taken', message: 'Ce site a déjà un prix pour ce type de programme à partir du 2026-01-01.' }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(byTestId('prices-form-error', view()).textContent).toContain('déjà un prix');
  });

  it('does not send an amount it cannot read', async () => {
    await typeInto('prices-price', '12,345', view());
    await clickOn('prices-submit', view());
    backend.expectNone((r) => r.method === 'POST');
  });
});
