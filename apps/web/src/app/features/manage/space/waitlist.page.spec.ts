import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { Role, WaitlistEntryResponse, WaitlistOfferResponse } from '@incubator/contracts';
import { byTestId, clickOn, settle, typeInto } from '../../../../testing/dom';
import { signIn } from '../../../../testing/identity-fixtures';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { LocaleService } from '../../../core/i18n/locale.service';
import { WAITLIST_REFRESH_MS, WaitlistPage } from './waitlist.page';

const openOffer: WaitlistOfferResponse = {
  id: 'offer-1',
  floorId: 'f-1',
  moduleIds: ['m-1', 'm-2', 'm-3'],
  status: 'open',
  expiresAt: '2026-03-05T17:00:00.000Z',
  leaseId: null,
};
const waiting: WaitlistEntryResponse = {
  id: 'w-1',
  startupId: 's-a',
  startupName: 'Acme',
  areaM2: 48,
  startsOn: '2026-04-01',
  endsOn: null,
  siteId: null,
  programKind: 'incubator',
  status: 'waiting',
  requestedAt: '2026-03-01T09:00:00.000Z',
  position: 1,
  offer: null,
};
const offered: WaitlistEntryResponse = {
  id: 'w-2',
  startupId: 's-b',
  startupName: 'Beta',
  areaM2: 72,
  startsOn: '2026-05-01',
  endsOn: null,
  siteId: null,
  programKind: 'accelerator',
  status: 'offered',
  requestedAt: '2026-02-01T09:00:00.000Z',
  position: null,
  offer: openOffer,
};
const accepted: WaitlistEntryResponse = {
  ...offered,
  status: 'accepted',
  offer: { ...openOffer, status: 'accepted', leaseId: 'lease-1' },
};

describe('WaitlistPage', () => {
  let fixture: ComponentFixture<WaitlistPage>;
  let backend: HttpTestingController;
  const view = () => fixture.nativeElement as HTMLElement;
  const row = (name: string) => byTestId(`waitlist-row-${name}`, view());
  const list = () => backend.expectOne((r) => r.url === '/api/waitlist' && r.method === 'GET');

  async function open(role: Role): Promise<void> {
    TestBed.configureTestingModule({
      imports: [WaitlistPage, translocoTesting({ translocoConfig: { defaultLang: 'en' } })],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    TestBed.inject(LocaleService).use('en');
    backend = TestBed.inject(HttpTestingController);
    await signIn(role);
    fixture = TestBed.createComponent(WaitlistPage);
    list().flush([waiting, offered]);
    if (role === 'manager') {
      backend.expectOne((r) => r.url === '/api/startups').flush({ items: [{ id: 's-c', legalName: 'Gamma' }], total: 1 });
    }
    await fixture.whenStable();
  }

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  describe('for a space manager', () => {
    beforeEach(() => open('manager'));

    it('shows each request with its place in line, its status and its offer', () => {
      expect(byTestId('waitlist-table', view())).toBeTruthy();
      expect(byTestId('waitlist-position', row('Acme')).textContent?.trim()).toBe('1');
      expect(byTestId('waitlist-status', row('Acme')).textContent?.trim()).toBe('Waiting');
      expect(byTestId('waitlist-offer', row('Acme')).textContent?.trim()).toBe('—');
      expect(row('Acme').querySelector('[data-testid="waitlist-accept"]')).toBeNull();

      expect(byTestId('waitlist-status', row('Beta')).textContent?.trim()).toBe('Offered');
      expect(byTestId('waitlist-offer', row('Beta')).textContent).toContain('3 module(s)');
      expect(byTestId('waitlist-offer-deadline', row('Beta')).textContent).toContain('Mar 5, 2026');
      expect(byTestId('waitlist-accept', row('Beta'))).toBeTruthy();
    });

    it('accepts an open offer and reads the list again', async () => {
      await clickOn('waitlist-accept', row('Beta'));

      const accept = backend.expectOne('/api/waitlist/offers/offer-1/accept');
      expect(accept.request.method).toBe('POST');
      accept.flush({});
      await settle();
      list().flush([waiting, accepted]);
      await settle();

      expect(byTestId('waitlist-status', row('Beta')).textContent?.trim()).toBe('Accepted');
      expect(row('Beta').querySelector('[data-testid="waitlist-accept"]')).toBeNull();
      expect(view().querySelector('[data-testid="waitlist-error"]')).toBeNull();
    });

    it("shows why an offer could not be accepted: the API's message, or what a 410 means", async () => {
      await clickOn('waitlist-accept', row('Beta'));
      backend
        .expectOne('/api/waitlist/offers/offer-1/accept')
        .flush({ statusCode: 409, message: 'Module m-2 is already leased.' }, { status: 409, statusText: 'Conflict' });
      await settle();
      list().flush([waiting, offered]);
      await settle();
      expect(byTestId('waitlist-error', view()).textContent?.trim()).toBe('Module m-2 is already leased.');

      await clickOn('waitlist-accept', row('Beta'));
      backend.expectOne('/api/waitlist/offers/offer-1/accept').flush(null, { status: 410, statusText: 'Gone' });
      await settle();
      list().flush([waiting]);
      await settle();
      expect(byTestId('waitlist-error', view()).textContent?.trim()).toBe('This offer has lapsed.');
    });

    it('queues a request with the price typed in euros sent in cents', async () => {
      await typeInto('waitlist-startup', 's-c', view());
      await typeInto('waitlist-area', '50', view());
      await typeInto('waitlist-start', '2026-06-01', view());
      await typeInto('waitlist-kind', 'accelerator', view());
      await typeInto('waitlist-price', '15,50', view());
      await clickOn('waitlist-submit', view());

      const create = backend.expectOne((r) => r.url === '/api/waitlist' && r.method === 'POST');
      expect(create.request.body).toEqual({
        startupId: 's-c',
        areaM2: 50,
        startsOn: '2026-06-01',
        programKind: 'accelerator',
        monthlyPricePerM2Cents: 1550,
      });
      create.flush({ ...waiting, id: 'w-3', startupId: 's-c', startupName: 'Gamma', position: 2 });
      await settle();
      list().flush([waiting, offered, { ...waiting, id: 'w-3', startupId: 's-c', startupName: 'Gamma', position: 2 }]);
      await settle();

      expect(byTestId('waitlist-position', row('Gamma')).textContent?.trim()).toBe('2');
      // The form starts again, without red errors on the emptied fields; the kind and price stay.
      expect((byTestId('waitlist-area', view()) as HTMLInputElement).value).toBe('');
      expect((byTestId('waitlist-startup', view()) as HTMLSelectElement).value).toBe('');
      expect(view().querySelectorAll('[data-testid="waitlist-form-panel"] .mat-form-field-invalid')).toHaveLength(0);
      expect((byTestId('waitlist-price', view()) as HTMLInputElement).value).toBe('15,50');
    });

    it('says why each request is where it is', () => {
      expect(byTestId('waitlist-reason', row('Acme')).textContent?.trim()).toBe('No free 48 m² office in one piece from April 1, 2026 (rank 1)');
      expect(byTestId('waitlist-reason', row('Beta')).textContent?.trim()).toBe('3 module(s) held while waiting for the answer');
    });

    it('offers an office from a waiting row: the space page with the request filled in', () => {
      const link = byTestId('waitlist-make-offer', row('Acme'));
      const href = new URL(link.getAttribute('href') ?? '', 'http://x');
      expect(href.pathname).toBe('/manage/space');
      expect(Object.fromEntries(href.searchParams)).toEqual({
        startupId: 's-a',
        areaM2: '48',
        startsOn: '2026-04-01',
        programKind: 'incubator',
        waitlistId: 'w-1',
      });
      expect(link.getAttribute('aria-label')).toBe('Offer an office to Acme');
      expect(row('Beta').querySelector('[data-testid="waitlist-make-offer"]')).toBeNull();
    });

    it('takes a waiting or offered request off the list and reads it again', async () => {
      await clickOn('waitlist-cancel', row('Acme'));
      const cancel = backend.expectOne('/api/waitlist/w-1/cancel');
      expect(cancel.request.method).toBe('POST');
      cancel.flush({ ...waiting, status: 'cancelled', position: null });
      await settle();
      list().flush([offered, { ...waiting, status: 'cancelled', position: null }]);
      await settle();
      expect(byTestId('waitlist-status', row('Acme')).textContent?.trim()).toBe('Cancelled');
      expect(byTestId('waitlist-reason', row('Acme')).textContent?.trim()).toBe('Taken off the waitlist');
      expect(row('Acme').querySelector('[data-testid="waitlist-cancel"]')).toBeNull();
      expect(byTestId('waitlist-cancel', row('Beta'))).toBeTruthy();
    });

    it('sends nothing while the form is incomplete', async () => {
      await typeInto('waitlist-area', '50', view());
      await clickOn('waitlist-submit', view());

      backend.expectNone((r) => r.method === 'POST');
    });
  });

  describe('for a board member', () => {
    beforeEach(() => open('board'));

    it('shows the list without the form or the accept buttons', () => {
      expect(row('Beta')).toBeTruthy();
      expect(view().querySelector('[data-testid="waitlist-form-panel"]')).toBeNull();
      expect(view().querySelector('[data-testid="waitlist-accept"]')).toBeNull();
      expect(view().querySelector('[data-testid="waitlist-cancel"]')).toBeNull();
      expect(view().querySelector('[data-testid="waitlist-make-offer"]')).toBeNull();
    });
  });
});

describe('WaitlistPage refresh', () => {
  afterEach(() => jest.useRealTimers());

  it('reads the list again every ten seconds while open, and stops once closed', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'requestAnimationFrame', 'setImmediate'] });
    TestBed.configureTestingModule({
      imports: [WaitlistPage, translocoTesting({ translocoConfig: { defaultLang: 'en' } })],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    const backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(WaitlistPage);
    const reads = () => backend.match((r) => r.url === '/api/waitlist' && r.method === 'GET');

    expect(reads()).toHaveLength(1);
    jest.advanceTimersByTime(WAITLIST_REFRESH_MS - 1);
    expect(reads()).toHaveLength(0);
    jest.advanceTimersByTime(1);
    expect(reads()).toHaveLength(1);
    jest.advanceTimersByTime(WAITLIST_REFRESH_MS);
    expect(reads()).toHaveLength(1);

    fixture.destroy();
    jest.advanceTimersByTime(WAITLIST_REFRESH_MS * 3);
    expect(reads()).toHaveLength(0);
    backend.verify();
  });
});
