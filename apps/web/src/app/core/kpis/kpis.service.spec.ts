import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { KpiImportResult, KpiReportResponse } from '@incubator/contracts';
import { kpiReport } from './kpi-fixtures';
import { KpisService } from './kpis.service';

describe('KpisService', () => {
  let service: KpisService;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    service = TestBed.inject(KpisService);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('lists and creates KPI definitions', () => {
    service.definitions().subscribe();
    service
      .createDefinition({
        key: 'nps',
        labelFr: 'NPS',
        labelEn: 'NPS',
        unit: 'count',
        aggregation: 'average',
        periodicity: 'monthly',
        required: false,
      })
      .subscribe();

    expect(backend.expectOne((r) => r.url === '/api/kpi-definitions' && r.method === 'GET')).toBeTruthy();
    expect(backend.expectOne((r) => r.url === '/api/kpi-definitions' && r.method === 'POST').request.body.key).toBe(
      'nps',
    );
  });

  it('reads every report of a period page by page, up to the last', () => {
    let all: KpiReportResponse[] | undefined;
    service.reportsOfPeriod('2026-02').subscribe((reports) => (all = reports));
    const page = (offset: number, count: number) => {
      const request = backend.expectOne((r) => r.url === '/api/kpi-reports' && r.params.get('offset') === String(offset));
      expect(request.request.params.get('period')).toBe('2026-02');
      expect(request.request.params.get('limit')).toBe('100');
      const items = Array.from({ length: count }, (_, i) => kpiReport('2026-02', { id: `r-${offset + i}` }));
      request.flush({ items, total: 150, limit: 100, offset });
    };
    page(0, 100);
    expect(all).toBeUndefined();
    page(100, 50);
    expect(all).toHaveLength(150);
    expect(all?.[149].id).toBe('r-149');
  });

  it('lists reports with the filters given, and reads one', () => {
    service.reports({ startupId: 's-1', period: '2026-03', limit: 100 }).subscribe();
    service.report('report/1').subscribe();

    const list = backend.expectOne((r) => r.url === '/api/kpi-reports');
    expect(list.request.params.keys().sort()).toEqual(['limit', 'period', 'startupId']);
    expect(list.request.params.get('period')).toBe('2026-03');
    expect(backend.expectOne('/api/kpi-reports/report%2F1').request.method).toBe('GET');
  });

  it('creates a report, then updates, validates and returns it', () => {
    service.create({ startupId: 's-1', period: '2026-03', values: { headcount: '4' } }).subscribe();
    service.update('r-1', { values: { headcount: '5' }, submit: true }).subscribe();
    service.validate('r-1').subscribe();
    service.returnReport('r-1', 'Revenue is missing').subscribe();

    const create = backend.expectOne((r) => r.url === '/api/kpi-reports' && r.method === 'POST');
    expect(create.request.body).toEqual({ startupId: 's-1', period: '2026-03', values: { headcount: '4' } });
    const update = backend.expectOne((r) => r.url === '/api/kpi-reports/r-1' && r.method === 'PATCH');
    expect(update.request.body).toEqual({ values: { headcount: '5' }, submit: true });
    expect(backend.expectOne('/api/kpi-reports/r-1/validate').request.method).toBe('POST');
    const back = backend.expectOne('/api/kpi-reports/r-1/return');
    expect(back.request.method).toBe('POST');
    expect(back.request.body).toEqual({ comment: 'Revenue is missing' });
  });

  it('lists the late reports of a month', () => {
    service.late('2026-03').subscribe();

    expect(backend.expectOne((r) => r.url === '/api/kpi-reports/late').request.params.get('period')).toBe('2026-03');
  });

  it('sends a CSV file as text, for a dry run or for real', () => {
    const results: KpiImportResult[] = [];
    service.importCsv('startup,period,headcount\n732829320,2026-03,4\n', true).subscribe((r) => results.push(r));
    service.importCsv('startup,period\n', false).subscribe();

    const [dryRun, run] = backend.match((r) => r.url === '/api/kpi-reports/import');
    expect(dryRun.request.method).toBe('POST');
    expect(dryRun.request.params.get('dryRun')).toBe('true');
    expect(dryRun.request.headers.get('Content-Type')).toBe('text/csv');
    expect(dryRun.request.body).toBe('startup,period,headcount\n732829320,2026-03,4\n');
    expect(run.request.params.get('dryRun')).toBe('false');
    dryRun.flush({ dryRun: true, lines: 1, imported: 0, errors: [] });
    run.flush({ dryRun: false, lines: 0, imported: 0, errors: [] });
    expect(results).toEqual([{ dryRun: true, lines: 1, imported: 0, errors: [] }]);
  });

  it('downloads the reports of a range as a file', () => {
    service.exportReports('csv', '2026-01-01', '2026-04-01').subscribe();

    const file = backend.expectOne((r) => r.url === '/api/kpi-reports/export');
    expect(file.request.responseType).toBe('blob');
    expect(file.request.params.get('format')).toBe('csv');
    expect(file.request.params.get('from')).toBe('2026-01-01');
    expect(file.request.params.get('to')).toBe('2026-04-01');
    file.flush(new Blob(['x']));
  });

  it('reads the aggregates of a range, without empty filters', () => {
    service.aggregates({ from: '2026-01-01', to: '2026-04-01', programId: 'p-1', siteId: undefined }).subscribe();

    const aggregates = backend.expectOne((r) => r.url === '/api/kpi-aggregates');
    expect(aggregates.request.params.keys().sort()).toEqual(['from', 'programId', 'to']);
  });
});
