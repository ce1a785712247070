import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { InvitationPreview } from '@incubator/contracts';
import { sessionFor, userWith } from '../../../../testing/identity-fixtures';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { LocaleService } from '../../../core/i18n/locale.service';
import { InvitationPage } from './invitation.page';

@Component({ template: '<h1>landed</h1>' })
class LandingPage {}

const preview: InvitationPreview = {
  email: 'founder@beta.example',
  role: 'startup',
  organisationName: 'EuraTechnologies',
  expiresAt: '2025-03-21T09:00:00Z',
  existingAccount: false,
};

describe('InvitationPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [translocoTesting({ translocoConfig: { defaultLang: 'en' } })],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'invitation', component: InvitationPage },
          { path: '**', component: LandingPage },
        ]),
      ],
    });
    TestBed.inject(LocaleService).use('en');
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  async function open(url: string, answer?: { body: object; status?: number }) {
    harness = await RouterTestingHarness.create(url);
    if (answer) {
      const status = answer.status ?? 200;
      // The token goes in a POST body: in a URL, the API's and nginx's logs would keep it.
      const request = backend.expectOne({ method: 'POST', url: '/api/auth/invitations/preview' });
      expect(request.request.body).toEqual({ token: 'tok/en' });
      request.flush(answer.body, { status, statusText: String(status) });
      await harness.fixture.whenStable();
    }
  }

  const page = () => harness.routeNativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement = HTMLElement>(id: string) =>
    page().querySelector<T>(`[data-testid="${id}"]`);
  const fieldError = (id: string) =>
    byTestId(id)?.closest('mat-form-field')?.querySelector('mat-error')?.textContent?.trim() ?? null;

  async function type(id: string, value: string) {
    const input = byTestId<HTMLInputElement>(id);
    if (!input) {
      throw new Error(`no ${id}`);
    }
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await harness.fixture.whenStable();
  }

  async function submit() {
    byTestId('invitation-submit')?.click();
    await harness.fixture.whenStable();
  }

  it('shows the invitation and creates the account, then signs in to the home area', async () => {
    await open('/invitation#token=tok%2Fen', { body: preview });

    expect(byTestId('invitation-organisation')?.textContent).toBe('EuraTechnologies');
    expect(byTestId('invitation-role')?.textContent).toBe('Startup member');
    expect(byTestId('invitation-email')?.textContent).toBe('founder@beta.example');

    await type('invitation-name', 'Alex Founder');
    await type('invitation-password', 'short');
    expect(fieldError('invitation-password')).toBe('At least 10 characters.');
    await type('invitation-password', 'a long enough password');
    await type('invitation-password-confirm', 'a different password');
    expect(fieldError('invitation-password-confirm')).toBe('The two passwords differ.');
    await submit();
    backend.expectNone('/api/auth/invitations/accept');

    await type('invitation-password-confirm', 'a long enough password');
    await submit();
    const accept = backend.expectOne('/api/auth/invitations/accept');
    expect(accept.request.body).toEqual({
      token: 'tok/en',
      displayName: 'Alex Founder',
      password: 'a long enough password',
      locale: 'en',
    });
    accept.flush(sessionFor(userWith('startup')));
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/startup');
  });

  it('asks only for the password of an existing account', async () => {
    await open('/invitation#token=tok%2Fen', { body: { ...preview, role: 'board', existingAccount: true } });

    expect(byTestId('invitation-name')).toBeNull();
    expect(byTestId('invitation-password-confirm')).toBeNull();
    await type('invitation-password', 'old pass');
    await submit();

    const accept = backend.expectOne('/api/auth/invitations/accept');
    // The API ignores the name of an existing account but requires a non-empty one.
    expect(accept.request.body).toEqual({
      token: 'tok/en',
      displayName: undefined,
      password: 'old pass',
      locale: 'en',
    });
    accept.flush(sessionFor(userWith('board')));
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/board');
  });

  it('says so when the password of the existing account is wrong (401), and lets them retry', async () => {
    await open('/invitation#token=tok%2Fen', { body: { ...preview, existingAccount: true } });

    await type('invitation-password', 'wrong pass');
    await submit();
    backend
      .expectOne('/api/auth/invitations/accept')
      .flush({ statusCode: 401, error: 'Unauthorized', message: 'x' }, { status: 401, statusText: 'Unauthorized' });
    await harness.fixture.whenStable();

    expect(byTestId('invitation-error')?.textContent).toContain('This is not the password of your account.');
    expect(byTestId('invitation-submit')).not.toBeNull();
  });

  it('says when the invitation expired or was used (410)', async () => {
    await open('/invitation#token=tok%2Fen', { body: { statusCode: 410, error: 'Gone', message: 'x' }, status: 410 });

    expect(byTestId('invitation-error')?.textContent).toContain('has expired or has already been used');
    expect(byTestId('invitation-submit')).toBeNull();
  });

  it('says when the invitation does not exist (404)', async () => {
    const notFound = { statusCode: 404, error: 'Not Found', message: 'x' };
    await open('/invitation#token=tok%2Fen', { body: notFound, status: 404 });

    expect(byTestId('invitation-error')?.textContent).toContain('This invitation does not exist.');
  });

  it('still reads the token of a link sent before it moved to the fragment', async () => {
    await open('/invitation?token=tok%2Fen', { body: preview });

    expect(byTestId('invitation-organisation')?.textContent).toBe('EuraTechnologies');
  });

  it('says when the link has no token, without calling the API', async () => {
    await open('/invitation');

    expect(byTestId('invitation-error')?.textContent).toContain('no invitation code');
  });
});
