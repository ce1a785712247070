import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { HealthResponse } from '@incubator/contracts';
import { firstValueFrom } from 'rxjs';
import { HealthCheck, HealthService } from './health.service';

const allUp: HealthResponse = {
  status: 'ok',
  info: { database: { status: 'up' }, redis: { status: 'up' } },
  error: {},
  details: { database: { status: 'up' }, redis: { status: 'up' } },
};

const redisDown: HealthResponse = {
  status: 'error',
  info: { database: { status: 'up' } },
  error: { redis: { status: 'down', message: 'connect ECONNREFUSED' } },
  details: { database: { status: 'up' }, redis: { status: 'down', message: 'connect ECONNREFUSED' } },
};

describe('HealthService', () => {
  let service: HealthService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    service = TestBed.inject(HealthService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  function check(answer: (request: ReturnType<HttpTestingController['expectOne']>) => void) {
    const result = firstValueFrom(service.check());
    const request = http.expectOne('/api/health');
    expect(request.request.method).toBe('GET');
    answer(request);
    return result;
  }

  it('maps a 200 answer to a report', async () => {
    const result = await check((req) => req.flush(allUp));

    expect(result).toEqual<HealthCheck>({ kind: 'report', report: allUp, checkedAt: expect.any(Date) });
  });

  it('maps a 503 answer with a health body to a report, like a 200', async () => {
    const fromError = await check((req) =>
      req.flush(redisDown, { status: 503, statusText: 'Service Unavailable' }),
    );
    const fromOk = await check((req) => req.flush(redisDown));

    expect(fromError).toEqual<HealthCheck>({ kind: 'report', report: redisDown, checkedAt: expect.any(Date) });
    expect({ ...fromError, checkedAt: null }).toEqual({ ...fromOk, checkedAt: null });
  });

  it('maps a network error to an unreachable check with status 0', async () => {
    const result = await check((req) => req.error(new ProgressEvent('error')));

    expect(result).toEqual<HealthCheck>({ kind: 'unreachable', httpStatus: 0, checkedAt: expect.any(Date) });
  });

  it('maps an error answer without a health body to an unreachable check with its status', async () => {
    const result = await check((req) =>
      req.flush('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );

    expect(result).toEqual<HealthCheck>({ kind: 'unreachable', httpStatus: 502, checkedAt: expect.any(Date) });
  });
});
