import { ComponentFixture, TestBed } from '@angular/core/testing';
import { HealthResponse } from '@incubator/contracts';
import { Subject } from 'rxjs';
import { translocoTesting } from '../../../testing/transloco-testing';
import { HealthCheck, HealthService } from '../../core/health/health.service';
import { LocaleService } from '../../core/i18n/locale.service';
import { StatusPage } from './status.page';

const redisDown: HealthResponse = {
  status: 'error',
  details: { database: { status: 'up' }, redis: { status: 'down' } },
};

describe('StatusPage', () => {
  let fixture: ComponentFixture<StatusPage>;
  let answers: Subject<HealthCheck>[];
  const checkedAt = new Date('2025-03-14T09:26:53Z');

  beforeEach(async () => {
    answers = [];
    TestBed.configureTestingModule({
      imports: [StatusPage, translocoTesting({ translocoConfig: { defaultLang: 'en' } })],
      providers: [
        {
          provide: HealthService,
          useValue: {
            check: () => {
              const answer = new Subject<HealthCheck>();
              answers.push(answer);
              return answer;
            },
          },
        },
      ],
    });
    TestBed.inject(LocaleService).use('en');
    fixture = TestBed.createComponent(StatusPage);
    await fixture.whenStable();
  });

  async function answer(check: HealthCheck) {
    answers[answers.length - 1].next(check);
    await fixture.whenStable();
  }

  const page = () => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string) => page().querySelector<HTMLElement>(`[data-testid="${id}"]`);

  it('shows a translated title and checks at once', () => {
    expect(page().querySelector('h1')?.textContent).toContain('System status');
    expect(answers).toHaveLength(1);
    expect(byTestId('health-overall')).toBeNull();
  });

  it('renders the overall status and each dependency up or down from a report', async () => {
    await answer({ kind: 'report', report: redisDown, checkedAt });

    expect(byTestId('health-overall')?.dataset['status']).toBe('error');
    expect(byTestId('health-overall')?.textContent).toContain('At least one service is down');
    expect(byTestId('health-database')?.dataset['status']).toBe('up');
    expect(byTestId('health-database')?.textContent).toContain('Up');
    expect(byTestId('health-redis')?.dataset['status']).toBe('down');
    expect(byTestId('health-redis')?.textContent).toContain('Down');
    expect(byTestId('health-error')).toBeNull();
    expect(page().querySelector('time')?.getAttribute('datetime')).toBe(checkedAt.toISOString());
  });

  it('renders a network error distinctly, without dependencies', async () => {
    await answer({ kind: 'unreachable', httpStatus: 0, checkedAt });

    expect(byTestId('health-overall')?.dataset['status']).toBe('unreachable');
    expect(byTestId('health-error')?.textContent).toContain('could not be reached');
    expect(byTestId('health-database')).toBeNull();
    expect(byTestId('health-redis')).toBeNull();
  });

  it('names the HTTP status of an answer that carried no report', async () => {
    await answer({ kind: 'unreachable', httpStatus: 502, checkedAt });

    expect(byTestId('health-error')?.textContent).toContain('HTTP 502');
  });

  it('checks again on refresh and shows the new answer', async () => {
    await answer({ kind: 'report', report: redisDown, checkedAt });

    byTestId('health-refresh')?.click();
    await fixture.whenStable();
    expect(answers).toHaveLength(2);
    expect(byTestId('health-refresh')?.textContent).toContain('Checking');

    await answer({
      kind: 'report',
      report: { status: 'ok', details: { database: { status: 'up' }, redis: { status: 'up' } } },
      checkedAt,
    });
    expect(byTestId('health-overall')?.dataset['status']).toBe('ok');
    expect(byTestId('health-redis')?.dataset['status']).toBe('up');
  });

  it('follows a language switch', async () => {
    await answer({ kind: 'report', report: redisDown, checkedAt });

    TestBed.inject(LocaleService).use('fr');
    await fixture.whenStable();

    expect(page().querySelector('h1')?.textContent).toContain('État du système');
    expect(byTestId('health-redis')?.textContent).toContain('Indisponible');
  });
});
