import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { CallerRole, MfaStatusResponse, SessionSummary } from '@incubator/contracts';
import { byTestId, clickOn, fieldText, settle, typeInto } from '../../../testing/dom';
import { signIn } from '../../../testing/identity-fixtures';
import { translocoTesting } from '../../../testing/transloco-testing';
import { AuthService } from '../../core/auth/auth.service';
import { LocaleService } from '../../core/i18n/locale.service';
import { AccountPage } from './account.page';

const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

const sessions: SessionSummary[] = [
  { id: 's-here', organisation: null, createdAt: '2026-11-20T08:00:00Z', lastUsedAt: '2026-11-20T09:30:00Z', userAgent: FIREFOX, ip: '203.0.113.7', current: true },
  { id: 's-phone', organisation: null, createdAt: '2026-11-02T18:15:00Z', lastUsedAt: '2026-11-19T07:05:00Z', userAgent: IPHONE, ip: '198.51.100.2', current: false },
  { id: 's-old', organisation: null, createdAt: '2026-10-01T10:00:00Z', lastUsedAt: '2026-10-03T10:00:00Z', userAgent: null, ip: null, current: false },
];

const off: MfaStatusResponse = { enabled: false, required: false, recoveryCodesLeft: 0 };
const on: MfaStatusResponse = { enabled: true, required: false, recoveryCodesLeft: 10 };

/** A 400 as the API answers it, field messages already in the caller's language. */
function badRequest(message: string, fields: Record<string, string[]>) {
  return { status: 400, statusText: 'Bad Request', body: { statusCode: 400, error: 'Bad Request', message, fields } };
}

/** jsdom's Blob has no text(). */
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsText(blob);
  });
}

describe('AccountPage', () => {
  async function render(options: { lang?: 'fr' | 'en'; role?: CallerRole; mfa?: MfaStatusResponse } = {}) {
    const { lang = 'fr', role = 'manager', mfa = off } = options;
    TestBed.configureTestingModule({
      imports: [AccountPage, translocoTesting({ translocoConfig: { defaultLang: lang } })],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations(), provideRouter([])],
    });
    TestBed.inject(LocaleService).use(lang);
    const backend = TestBed.inject(HttpTestingController);
    await signIn(role);
    const fixture = TestBed.createComponent(AccountPage);
    await settle();
    backend.expectOne({ method: 'GET', url: '/api/auth/sessions' }).flush(sessions);
    if (role !== 'operator') {
      backend.expectOne({ method: 'GET', url: '/api/auth/mfa' }).flush(mfa);
    }
    await settle();
    return { element: fixture.nativeElement as HTMLElement, backend };
  }

  afterEach(() => TestBed.inject(HttpTestingController).verify());

  describe('password', () => {
    it('changes the password with the current one, says so, and keeps the user signed in', async () => {
      const { element, backend } = await render();
      await typeInto('password-current', 'Demo-2026!', element);
      await typeInto('password-new', 'Une phrase de passe longue', element);
      await typeInto('password-confirm', 'Une phrase de passe longue', element);
      await clickOn('password-submit', element);

      const request = backend.expectOne({ method: 'POST', url: '/api/auth/password' });
      expect(request.request.body).toEqual({ currentPassword: 'Demo-2026!', newPassword: 'Une phrase de passe longue' });
      request.flush(null, { status: 204, statusText: 'No Content' });
      await settle();
      // The other sessions were signed out: the list is read again.
      backend.expectOne({ method: 'GET', url: '/api/auth/sessions' }).flush([sessions[0]]);
      await settle();

      expect(byTestId('password-done', element).textContent).toContain('Mot de passe modifié');
      expect(byTestId<HTMLInputElement>('password-current', element).value).toBe('');
      expect(TestBed.inject(AuthService).isAuthenticated()).toBe(true);
      expect(element.querySelectorAll('[data-testid="session"]')).toHaveLength(1);
    });

    it('checks the rules of the API before sending: length, and the confirmation', async () => {
      const { element } = await render();
      await typeInto('password-current', 'Demo-2026!', element);
      await typeInto('password-new', 'court', element);
      await typeInto('password-confirm', 'autre', element);
      await clickOn('password-submit', element);

      expect(fieldText('password-new', element)).toContain('Au moins 10 caractères.');
      expect(fieldText('password-confirm', element)).toContain('Les deux mots de passe diffèrent.');
      // Nothing was sent (verify() in afterEach).
    });

    it('shows the API’s message at the current password field when it is wrong', async () => {
      const { element, backend } = await render();
      await typeInto('password-current', 'pas le bon', element);
      await typeInto('password-new', 'Une phrase de passe longue', element);
      await typeInto('password-confirm', 'Une phrase de passe longue', element);
      await clickOn('password-submit', element);

      const { body, ...init } = badRequest('Mot de passe actuel incorrect.', { currentPassword: ['ce n’est pas votre mot de passe actuel'] });
      backend.expectOne('/api/auth/password').flush(body, init);
      await settle();

      expect(fieldText('password-current', element)).toContain('ce n’est pas votre mot de passe actuel');
      expect(element.querySelector('[data-testid="password-done"]')).toBeNull();
    });
  });

  describe('sessions', () => {
    it('lists the sessions readably, in French, this one marked and not revocable', async () => {
      const { element } = await render();
      const rows = element.querySelectorAll<HTMLElement>('[data-testid="session"]');
      expect(rows).toHaveLength(3);
      expect(byTestId('session-device', rows[0]).textContent?.trim()).toBe('Firefox 128 · Windows');
      expect(byTestId('session-current', rows[0]).textContent).toContain('Cette session');
      expect(rows[0].querySelector('[data-testid="session-revoke"]')).toBeNull();
      expect(byTestId('session-device', rows[1]).textContent?.trim()).toBe('Safari 17 · iOS');
      expect(byTestId('session-ip', rows[1]).textContent?.trim()).toBe('198.51.100.2');
      expect(byTestId('session-created', rows[1]).textContent).toMatch(/2 nov\. 2026/);
      expect(byTestId('session-last-used', rows[1]).textContent).toMatch(/19 nov\. 2026/);
      expect(byTestId('session-device', rows[2]).textContent?.trim()).toBe('Appareil inconnu');
    });

    it('signs out one session, then the others, and reads the list again', async () => {
      const { element, backend } = await render();
      const phone = element.querySelectorAll<HTMLElement>('[data-testid="session"]')[1];
      await clickOn('session-revoke', phone);
      backend.expectOne({ method: 'DELETE', url: '/api/auth/sessions/s-phone' }).flush(null, { status: 204, statusText: 'No Content' });
      await settle();
      backend.expectOne({ method: 'GET', url: '/api/auth/sessions' }).flush([sessions[0], sessions[2]]);
      await settle();
      expect(element.querySelectorAll('[data-testid="session"]')).toHaveLength(2);

      await clickOn('sessions-revoke-others', element);
      backend.expectOne({ method: 'POST', url: '/api/auth/sessions/revoke-others' }).flush(null, { status: 204, statusText: 'No Content' });
      await settle();
      backend.expectOne({ method: 'GET', url: '/api/auth/sessions' }).flush([sessions[0]]);
      await settle();
      expect(element.querySelectorAll('[data-testid="session"]')).toHaveLength(1);
      expect(byTestId('sessions-done', element).textContent).toContain('Les autres sessions sont déconnectées');
      expect(element.querySelector('[data-testid="sessions-revoke-others"]')).toBeNull();
    });

    it('says so when a session cannot be signed out', async () => {
      const { element, backend } = await render({ lang: 'en' });
      await clickOn('session-revoke', element.querySelectorAll<HTMLElement>('[data-testid="session"]')[2]);
      backend
        .expectOne('/api/auth/sessions/s-old')
        .flush({ statusCode: 404, error: 'Not Found', message: 'Session not found.' }, { status: 404, statusText: 'Not Found' });
      await settle();
      // Gone already: the list is read again, so that it is shown gone.
      backend.expectOne({ method: 'GET', url: '/api/auth/sessions' }).flush([sessions[0], sessions[1]]);
      await settle();
      expect(byTestId('sessions-error', element).textContent).toContain('Session not found.');
      expect(element.querySelectorAll('[data-testid="session"]')).toHaveLength(2);
    });
  });

  describe('two-factor authentication', () => {
    it('enrols: QR code and key, a 6-digit code, then the 10 recovery codes once, to copy or download', async () => {
      const { element, backend } = await render();
      expect(byTestId('mfa-status', element).textContent).toContain('Désactivée');
      await clickOn('mfa-enrol', element);
      backend
        .expectOne({ method: 'POST', url: '/api/auth/mfa/enrol' })
        .flush({ secret: 'JBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/x', qrCodeDataUrl: 'data:image/png;base64,iVBOR' });
      await settle();
      expect(byTestId<HTMLImageElement>('mfa-qr', element).src).toBe('data:image/png;base64,iVBOR');
      expect(byTestId('mfa-secret', element).textContent).toContain('JBSWY3DPEHPK3PXP');

      await typeInto('mfa-confirm-code', '12345', element);
      await clickOn('mfa-confirm-submit', element);
      expect(fieldText('mfa-confirm-code', element)).toContain('6 chiffres');

      await typeInto('mfa-confirm-code', ' 123456 ', element);
      await clickOn('mfa-confirm-submit', element);
      const codes = Array.from({ length: 10 }, (_, i) => `abcd-efgh-ijkl-mn${String.fromCharCode(97 + i)}${String.fromCharCode(97 + i)}`);
      const confirm = backend.expectOne({ method: 'POST', url: '/api/auth/mfa/confirm' });
      expect(confirm.request.body).toEqual({ code: '123456' });
      confirm.flush({ recoveryCodes: codes });
      await settle();

      const shown = byTestId('mfa-recovery-codes', element);
      expect(shown.querySelectorAll('li')).toHaveLength(10);
      expect(shown.textContent).toContain('ne seront plus affichés');

      const writeText = jest.fn(() => Promise.resolve());
      Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
      await clickOn('mfa-copy-codes', element);
      await settle();
      expect(writeText).toHaveBeenCalledWith(codes.join('\n'));
      expect(byTestId('mfa-codes-feedback', element).textContent).toContain('Codes copiés');

      const createObjectURL = jest.fn((blob: Blob) => (void blob, 'blob:codes'));
      Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
      const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
      await clickOn('mfa-download-codes', element);
      expect(click).toHaveBeenCalled();
      const link = click.mock.contexts[0] as HTMLAnchorElement;
      expect(link.download).toMatch(/\.txt$/);
      const text = await readText(createObjectURL.mock.calls[0][0]);
      for (const code of codes) expect(text).toContain(code);
      click.mockRestore();

      await clickOn('mfa-codes-done', element);
      backend.expectOne({ method: 'GET', url: '/api/auth/mfa' }).flush(on);
      await settle();
      expect(element.querySelector('[data-testid="mfa-recovery-codes"]')).toBeNull();
      expect(byTestId('mfa-status', element).textContent).toContain('Activée');
    });

    it('shows the API’s message when the code does not match', async () => {
      const { element, backend } = await render({ lang: 'en' });
      await clickOn('mfa-enrol', element);
      backend.expectOne('/api/auth/mfa/enrol').flush({ secret: 'S', otpauthUri: 'otpauth://totp/x', qrCodeDataUrl: 'data:image/png;base64,x' });
      await settle();
      await typeInto('mfa-confirm-code', '000000', element);
      await clickOn('mfa-confirm-submit', element);
      const { body, ...init } = badRequest('Wrong code.', { code: ['this code does not match'] });
      backend.expectOne('/api/auth/mfa/confirm').flush(body, init);
      await settle();
      expect(fieldText('mfa-confirm-code', element)).toContain('this code does not match');
      expect(element.querySelector('[data-testid="mfa-recovery-codes"]')).toBeNull();
    });

    it('turns MFA off with the password and a code', async () => {
      const { element, backend } = await render({ mfa: on });
      expect(byTestId('mfa-status', element).textContent).toContain('10');
      await typeInto('mfa-disable-password', 'Demo-2026!', element);
      await typeInto('mfa-disable-code', '654321', element);
      await clickOn('mfa-disable-submit', element);
      const request = backend.expectOne({ method: 'POST', url: '/api/auth/mfa/disable' });
      expect(request.request.body).toEqual({ password: 'Demo-2026!', code: '654321' });
      request.flush(null, { status: 204, statusText: 'No Content' });
      await settle();
      backend.expectOne({ method: 'GET', url: '/api/auth/mfa' }).flush(off);
      await settle();
      expect(byTestId('mfa-status', element).textContent).toContain('Désactivée');
      expect(element.querySelector('[data-testid="mfa-enrol"]')).not.toBeNull();
    });

    it('shows the API’s message at the password when turning off fails', async () => {
      const { element, backend } = await render({ mfa: on });
      await typeInto('mfa-disable-password', 'wrong', element);
      await typeInto('mfa-disable-code', '654321', element);
      await clickOn('mfa-disable-submit', element);
      const { body, ...init } = badRequest('Mot de passe incorrect.', { password: ['ce n’est pas votre mot de passe actuel'] });
      backend.expectOne('/api/auth/mfa/disable').flush(body, init);
      await settle();
      expect(fieldText('mfa-disable-password', element)).toContain('ce n’est pas votre mot de passe actuel');
    });

    it('does not offer to turn it off where the organisation requires it', async () => {
      const { element } = await render({ mfa: { enabled: true, required: true, recoveryCodesLeft: 7 } });
      expect(byTestId('mfa-required', element).textContent).toContain('Votre organisation exige');
      expect(element.querySelector('[data-testid="mfa-disable-submit"]')).toBeNull();
    });
  });

  describe('who sees what', () => {
    it('the platform operator: password and sessions, no MFA (it hangs on a membership)', async () => {
      const { element } = await render({ role: 'operator' });
      expect(element.querySelector('[data-testid="password-submit"]')).not.toBeNull();
      expect(element.querySelectorAll('[data-testid="session"]')).toHaveLength(3);
      expect(element.querySelector('[data-testid="mfa-status"]')).toBeNull();
      expect(element.querySelector('[data-testid="mfa-policy"]')).toBeNull();
    });

    it('an admin sets which roles must use MFA', async () => {
      const { element, backend } = await render({ role: 'admin', lang: 'en' });
      backend.expectOne({ method: 'GET', url: '/api/auth/mfa-policy' }).flush({ requiredRoles: ['admin'] });
      await settle();
      const box = (role: string) => byTestId(`mfa-policy-${role}`, element).querySelector('input') as HTMLInputElement;
      expect(box('admin').checked).toBe(true);
      expect(box('manager').checked).toBe(false);

      box('manager').click();
      await settle();
      await clickOn('mfa-policy-save', element);
      const request = backend.expectOne({ method: 'PUT', url: '/api/auth/mfa-policy' });
      expect(request.request.body).toEqual({ requiredRoles: ['admin', 'manager'] });
      request.flush({ requiredRoles: ['admin', 'manager'] });
      await settle();
      expect(byTestId('mfa-policy-done', element).textContent).toContain('saved');
    });

    it('a manager does not see the organisation’s policy', async () => {
      const { element } = await render({ role: 'manager' });
      expect(element.querySelector('[data-testid="mfa-policy"]')).toBeNull();
    });
  });
});
