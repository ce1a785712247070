import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { CallerRole, HOME_AREA, OPERATOR_ROLE, ROLES } from '@incubator/contracts';
import { signIn } from '../../../testing/identity-fixtures';
import { translocoTesting } from '../../../testing/transloco-testing';
import { appRoutes } from '../../app.routes';
import { LocaleService } from '../i18n/locale.service';
import { Area, AREAS } from './areas';

/** Written out rather than derived from AREA_ROLES, so that a change there shows up here. */
const ACCESS: Record<CallerRole, Record<Area, 'open' | 'forbidden'>> = {
  admin: { manage: 'open', startup: 'forbidden', board: 'open', admin: 'open', operator: 'forbidden', review: 'forbidden' },
  manager: { manage: 'open', startup: 'forbidden', board: 'open', admin: 'forbidden', operator: 'forbidden', review: 'forbidden' },
  board: { manage: 'forbidden', startup: 'forbidden', board: 'open', admin: 'forbidden', operator: 'forbidden', review: 'forbidden' },
  startup: { manage: 'forbidden', startup: 'open', board: 'forbidden', admin: 'forbidden', operator: 'forbidden', review: 'forbidden' },
  // External jury: only the review area (added with issue 19's review pages).
  reviewer: { manage: 'forbidden', startup: 'forbidden', board: 'forbidden', admin: 'forbidden', operator: 'forbidden', review: 'open' },
  // Outside every organisation: the platform's queues and heartbeats only.
  operator: { manage: 'forbidden', startup: 'forbidden', board: 'forbidden', admin: 'forbidden', operator: 'open', review: 'forbidden' },
};
const CALLER_ROLES = [...ROLES, OPERATOR_ROLE] as const;

const AREA_TITLES: Record<Area, string> = {
  manage: 'Park management',
  startup: 'My startup',
  board: 'Board',
  admin: 'Administration',
  operator: 'Job queues',
  review: 'My reviews',
};

describe('area routes', () => {
  let harness: RouterTestingHarness | undefined;

  beforeEach(() => {
    harness = undefined;
    TestBed.configureTestingModule({
      imports: [translocoTesting({ translocoConfig: { defaultLang: 'en' } })],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter(appRoutes)],
    });
    TestBed.inject(LocaleService).use('en');
  });

  afterEach(() => localStorage.clear());

  async function visit(url: string) {
    harness ??= await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    const page = harness.routeNativeElement as HTMLElement;
    return {
      url: TestBed.inject(Router).url,
      areaTitle: page.querySelector('[data-testid="area-title"]')?.textContent?.trim() ?? null,
      forbidden: page.querySelector('[data-testid="forbidden"]')?.textContent?.trim() ?? null,
    };
  }

  describe.each(AREAS)('/%s', (area) => {
    it('sends a visitor to the login page, with the way back', async () => {
      const result = await visit(`/${area}`);

      expect(result.url).toBe(`/login?returnUrl=%2F${area}`);
      expect(result.areaTitle).toBeNull();
    });

    it.each(CALLER_ROLES)('as %s', async (role) => {
      await signIn(role);

      const result = await visit(`/${area}`);

      // The address stays: the forbidden page explains, instead of a redirect or a blank page.
      expect(result.url).toBe(`/${area}`);
      if (ACCESS[role][area] === 'open') {
        expect(result.areaTitle).toBe(AREA_TITLES[area]);
        expect(result.forbidden).toBeNull();
      } else {
        expect(result.areaTitle).toBeNull();
        expect(result.forbidden).toBe('Access denied');
      }
    });
  });

  it('explains which role lacks access, and links to the home area', async () => {
    await signIn('board');

    const page = (await RouterTestingHarness.create('/admin/settings')).routeNativeElement as HTMLElement;

    expect(page.textContent).toContain('Your role (Board member) does not give access to this page.');
    expect(page.querySelector('a')?.getAttribute('href')).toBe('/board');
  });

  it.each(CALLER_ROLES)('opens the home area of a %s at the root address', async (role) => {
    await signIn(role);

    const result = await visit('/');

    expect(result.url).toBe(`/${HOME_AREA[role]}`);
    expect(ACCESS[role][HOME_AREA[role]]).toBe('open');
  });

  it('opens the status page at the root address for a visitor', async () => {
    expect((await visit('/')).url).toBe('/status');
  });

  it('sends a signed-in user away from the login page, to the return address', async () => {
    await signIn('manager');

    expect((await visit('/login')).url).toBe('/manage');
    expect((await visit('/login?returnUrl=%2Fboard')).url).toBe('/board');
  });

  it('keeps the sign-in flows public', async () => {
    for (const path of ['/status', '/login', '/invitation', '/forgot-password', '/reset-password']) {
      expect((await visit(path)).url).toBe(path);
    }
  });
});
