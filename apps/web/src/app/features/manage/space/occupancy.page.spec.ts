import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { OccupancyResponse, RentRollResponse } from '@incubator/contracts';
import { byTestId, clickOn, settle, typeInto } from '../../../../testing/dom';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { LocaleService } from '../../../core/i18n/locale.service';
import { today } from '../../../core/space/today';
import { OccupancyPage } from './occupancy.page';

const occupancy: OccupancyResponse = {
  on: '2026-03-02',
  floors: [
    {
      siteName: 'Lille',
      buildingName: 'A',
      floorId: 'f-1',
      floorName: 'First',
      leasableM2: 240,
      leasedM2: 72,
      occupancyRate: 0.3,
      vacantModules: 7,
      largestFreeBlockModules: 5,
    },
  ],
  totals: { leasableM2: 240, leasedM2: 72, occupancyRate: 0.3, vacantModules: 7 },
  byProgramKind: [{ programKind: 'incubator', leasedM2: 72 }],
};
const rentRoll: RentRollResponse = {
  month: '2026-03',
  daysInMonth: 31,
  lines: [
    {
      leaseId: 'lease-1',
      startupId: 's-1',
      startupName: 'Acme',
      programKind: 'incubator',
      areaM2: 72,
      monthlyPricePerM2Cents: 1550,
      days: 31,
      rentCents: 111600,
    },
  ],
  totalCents: 111600,
};

describe('OccupancyPage', () => {
  let fixture: ComponentFixture<OccupancyPage>;
  let backend: HttpTestingController;
  const view = () => fixture.nativeElement as HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [OccupancyPage, translocoTesting({ translocoConfig: { defaultLang: 'en' } })],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    TestBed.inject(LocaleService).use('en');
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(OccupancyPage);
    backend.expectOne((r) => r.url === '/api/space/occupancy').flush(occupancy);
    backend.expectOne((r) => r.url === '/api/space/rent-roll').flush(rentRoll);
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  it('shows the totals, each floor and the rent roll in cents formatted as money', () => {
    expect(byTestId('occupancy-total-leased', view()).textContent?.trim()).toBe('72');
    expect(byTestId('occupancy-total-rate', view()).textContent).toContain('30%');
    const row = byTestId('occupancy-row-First', view());
    expect(byTestId('occupancy-leased', row).textContent?.trim()).toBe('72');
    expect(byTestId('rentroll-table', view()).textContent).toContain('€15.50');
    expect(byTestId('rentroll-total', view()).textContent).toContain('€1,116.00');
  });

  it('reloads for another day and another month', async () => {
    await typeInto('occupancy-date', '2026-06-01', view());
    backend.expectOne((r) => r.params.get('on') === '2026-06-01').flush(occupancy);
    await typeInto('rentroll-month', '2026-06', view());
    backend.expectOne((r) => r.params.get('month') === '2026-06').flush(rentRoll);
    await settle();
  });

  it("downloads the day's occupancy and the month's rent roll as files, named by the API", async () => {
    const createObjectURL = jest.fn(() => 'blob:export');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const clicks: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    try {
      await clickOn('occupancy-export-xlsx', view());
      const occupancyFile = backend.expectOne((r) => r.url === '/api/space/occupancy/export');
      expect(occupancyFile.request.params.get('on')).toBe(today());
      expect(occupancyFile.request.params.get('format')).toBe('xlsx');
      expect(occupancyFile.request.responseType).toBe('blob');
      occupancyFile.flush(new Blob(['x']), {
        headers: { 'Content-Disposition': 'attachment; filename="occupancy-2026-03-02.xlsx"' },
      });
      await settle();

      await typeInto('rentroll-month', '2026-06', view());
      backend.expectOne((r) => r.url === '/api/space/rent-roll').flush(rentRoll);
      await clickOn('rentroll-export-csv', view());
      const rentRollFile = backend.expectOne((r) => r.url === '/api/space/rent-roll/export');
      expect(rentRollFile.request.params.get('month')).toBe('2026-06');
      expect(rentRollFile.request.params.get('format')).toBe('csv');
      rentRollFile.flush(new Blob(['a;b']));
      await settle();

      expect(createObjectURL).toHaveBeenCalledTimes(2);
      expect(clicks).toEqual(['occupancy-2026-03-02.xlsx', 'rent-roll-2026-06.csv']);
    } finally {
      click.mockRestore();
    }
  });

  it('says so when a file cannot be made', async () => {
    await clickOn('rentroll-export-xlsx', view());
    backend
      .expectOne((r) => r.url === '/api/space/rent-roll/export')
      .flush(new Blob(['{}']), { status: 500, statusText: 'Server Error' });
    await settle();

    expect(byTestId('export-error', view()).textContent?.trim()).toBe('Something went wrong on our side. Try again in a moment.');
  });
});
