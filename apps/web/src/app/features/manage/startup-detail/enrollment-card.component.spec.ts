import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { EnrollmentResponse, EnrollmentStatus } from '@incubator/contracts';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { LocaleService } from '../../../core/i18n/locale.service';
import { EnrollmentCardComponent } from './enrollment-card.component';

function enrollment(status: EnrollmentStatus): EnrollmentResponse {
  return {
    id: 'enr-1',
    cohortId: 'cohort-1',
    cohortName: 'Spring 2026',
    programName: 'Incubator Lille',
    startupId: 'startup-1',
    startupName: 'Acme SAS',
    status,
    history: [],
  };
}

describe('EnrollmentCardComponent', () => {
  let fixture: ComponentFixture<EnrollmentCardComponent>;
  let backend: HttpTestingController;
  let changed: EnrollmentResponse[];

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [EnrollmentCardComponent, translocoTesting({ translocoConfig: { defaultLang: 'en' } })],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    TestBed.inject(LocaleService).use('en');
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  async function render(status: EnrollmentStatus, canManage = true) {
    fixture = TestBed.createComponent(EnrollmentCardComponent);
    fixture.componentRef.setInput('enrollment', enrollment(status));
    fixture.componentRef.setInput('canManage', canManage);
    changed = [];
    fixture.componentInstance.changed.subscribe((e) => changed.push(e));
    await fixture.whenStable();
  }

  const view = () => fixture.nativeElement as HTMLElement;
  const buttons = () =>
    Array.from(view().querySelectorAll<HTMLButtonElement>('[data-testid^="transition-"]'))
      .map((b) => b.dataset['testid'])
      .filter((id) => id !== 'transition-note');
  const click = async (testId: string) => {
    view().querySelector<HTMLElement>(`[data-testid="${testId}"]`)?.click();
    await fixture.whenStable();
  };

  it.each<[EnrollmentStatus, string[]]>([
    ['applied', ['transition-admitted', 'transition-withdrawn']],
    ['admitted', ['transition-active', 'transition-withdrawn']],
    ['active', ['transition-graduated', 'transition-withdrawn']],
    ['graduated', []],
    ['withdrawn', []],
  ])('offers only the moves allowed from %s', async (status, expected) => {
    await render(status);

    expect(buttons()).toEqual(expected);
    const chip = view().querySelector<HTMLElement>('[data-testid="enrollment-status"]');
    expect(chip?.dataset['status']).toBe(status);
    expect(!!view().querySelector('[data-testid="enrollment-final"]')).toBe(expected.length === 0);
  });

  it('offers no move to a user who may not manage startups', async () => {
    await render('applied', false);

    expect(buttons()).toEqual([]);
    expect(view().querySelector('[data-testid="enrollment-status"]')?.textContent?.trim()).toBe('Applied');
  });

  it('moves the enrollment, with the note, and hands on the new state', async () => {
    await render('applied');
    const note = view().querySelector<HTMLInputElement>('[data-testid="transition-note"]');
    if (note) {
      note.value = '  Strong team ';
      note.dispatchEvent(new Event('input'));
    }

    await click('transition-admitted');

    const move = backend.expectOne('/api/enrollments/enr-1/transitions');
    expect(move.request.body).toEqual({ status: 'admitted', note: 'Strong team' });
    move.flush(enrollment('admitted'));
    await fixture.whenStable();
    expect(changed.map((e) => e.status)).toEqual(['admitted']);
  });

  it('asks before a final move, and does nothing when cancelled', async () => {
    await render('active');

    await click('transition-withdrawn');
    expect(document.querySelector('mat-dialog-container')?.textContent).toContain(
      'Withdraw Acme SAS from Spring 2026?',
    );
    document.querySelector<HTMLElement>('[data-testid="confirm-cancel"]')?.click();
    await fixture.whenStable();
    backend.expectNone('/api/enrollments/enr-1/transitions');

    await click('transition-graduated');
    document.querySelector<HTMLElement>('[data-testid="confirm-accept"]')?.click();
    await fixture.whenStable();
    expect(backend.expectOne('/api/enrollments/enr-1/transitions').request.body).toEqual({ status: 'graduated' });
  });

  it('says why the API refused, e.g. a full cohort', async () => {
    await render('applied');

    await click('transition-admitted');
    backend
      .expectOne('/api/enrollments/enr-1/transitions')
      .flush(
        { statusCode: 409, error: 'Conflict', message: 'The cohort is full (12 of 12 seats taken)' },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();

    expect(view().querySelector('[data-testid="enrollment-error"]')?.textContent).toContain(
      'The cohort is full (12 of 12 seats taken)',
    );
    expect(changed).toEqual([]);
  });
});
