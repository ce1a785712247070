import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ONBOARDING_STEPS, OnboardingResponse } from '@incubator/contracts';
import { signIn } from '../../../../testing/identity-fixtures';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { LocaleService } from '../../../core/i18n/locale.service';
import { OnboardingChecklistComponent } from './onboarding-checklist.component';

function progress(counts: Partial<Record<(typeof ONBOARDING_STEPS)[number], number>>): OnboardingResponse {
  const steps = ONBOARDING_STEPS.map((key) => ({ key, count: counts[key] ?? 0, done: (counts[key] ?? 0) > 0 }));
  const doneCount = steps.filter((step) => step.done).length;
  return { steps, doneCount, complete: doneCount === steps.length };
}

describe('OnboardingChecklistComponent', () => {
  let fixture: ComponentFixture<OnboardingChecklistComponent>;
  let backend: HttpTestingController;

  async function render(lang: 'fr' | 'en', role: 'admin' | 'manager' = 'admin') {
    TestBed.configureTestingModule({
      imports: [OnboardingChecklistComponent, translocoTesting({ translocoConfig: { defaultLang: lang } })],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    TestBed.inject(LocaleService).use(lang);
    backend = TestBed.inject(HttpTestingController);
    await signIn(role);
    fixture = TestBed.createComponent(OnboardingChecklistComponent);
    await fixture.whenStable();
  }

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  const view = () => fixture.nativeElement as HTMLElement;
  const step = (key: string) => view().querySelector<HTMLElement>(`[data-testid="onboarding-step-${key}"]`);

  it('ticks the steps from the data, links each to its page and puts the next one forward', async () => {
    await render('en');
    backend.expectOne('/api/onboarding').flush(progress({ profile: 1, site: 2, building: 1200 }));
    await fixture.whenStable();

    expect(view().querySelector('[data-testid="onboarding-summary"]')?.textContent).toContain('3 of 8 steps done');
    expect(step('site')?.classList).toContain('done');
    expect(step('site')?.textContent).toContain('Sites: 2');
    expect(step('building')?.textContent).toContain('Buildings: 1,200');
    expect(step('floor')?.classList).toContain('next');
    expect(step('floor')?.textContent).toContain('Draw a floor plan');
    expect(step('prices')?.querySelector('a')?.getAttribute('href')).toBe('/manage/space/prices');
    expect(step('team')?.querySelector('a')?.getAttribute('href')).toBe('/admin#members-title');
    expect(step('startups')?.querySelector('a')?.textContent?.trim()).toBe('Start');
  });

  it('speaks French with French numbers', async () => {
    await render('fr');
    backend.expectOne('/api/onboarding').flush(progress({ startups: 1200 }));
    await fixture.whenStable();

    expect(view().querySelector('h2')?.textContent).toContain('Mise en route de votre parc');
    expect(step('startups')?.textContent?.replace(/\s/g, ' ')).toMatch(/Startups : 1\s?200/);
  });

  it('gives way once every step is done, and asks nothing for a non-admin', async () => {
    await render('en');
    backend.expectOne('/api/onboarding').flush(progress({ profile: 1, site: 1, building: 1, floor: 1, prices: 1, programs: 1, team: 1, startups: 1 }));
    await fixture.whenStable();
    expect(view().querySelector('[data-testid="onboarding"]')).toBeNull();
  });

  it('sends no request without organisation:manage', async () => {
    await render('en', 'manager');
    backend.expectNone('/api/onboarding');
    expect(view().querySelector('[data-testid="onboarding"]')).toBeNull();
  });
});
