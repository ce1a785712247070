import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { StartupContactResponse } from '@incubator/contracts';
import { clickOn, settle, typeInto } from '../../../../testing/dom';
import { translocoTesting } from '../../../../testing/transloco-testing';
import { LocaleService } from '../../../core/i18n/locale.service';
import { StartupContactsComponent } from './startup-contacts.component';

const contact = (id: string, name: string, extra: Partial<StartupContactResponse> = {}): StartupContactResponse => ({
  id,
  startupId: 's1',
  name,
  role: null,
  email: null,
  phone: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

describe('StartupContactsComponent', () => {
  let backend: HttpTestingController;

  async function render(canManage: boolean): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [translocoTesting({ translocoConfig: { defaultLang: 'fr' } })],
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    TestBed.inject(LocaleService).use('fr');
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(StartupContactsComponent);
    fixture.componentRef.setInput('startupId', 's1');
    fixture.componentRef.setInput('canManage', canManage);
    await settle();
    backend
      .expectOne('/api/startups/s1/contacts')
      .flush([contact('c2', 'Zoé Roux', { role: 'CTO', email: 'zoe@acme.test' }), contact('c1', 'Élise Martin', { phone: '+33612345678' })]);
    await settle();
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  const rows = (root: HTMLElement) =>
    Array.from(root.querySelectorAll('[data-testid="contact"]')).map((row) =>
      Array.from(row.children)
        .filter((child) => child.tagName !== 'BUTTON')
        .map((child) => child.textContent?.trim())
        .join(' | '),
    );

  it('lists the contacts by name, read-only for a founder', async () => {
    const root = await render(false);
    expect(rows(root)).toEqual(['Élise Martin | +33612345678', 'Zoé Roux | — CTO | zoe@acme.test']);
    expect(root.querySelector('[data-testid="contact-add"]')).toBeNull();
    expect(root.querySelector('[data-testid="contact-edit"]')).toBeNull();
  });

  it('adds a contact for a manager, with the phone in international form', async () => {
    const root = await render(true);
    await clickOn('contact-add', root);
    await typeInto('contact-name', 'Bruno Petit', root);
    await typeInto('contact-phone', '06 11 22 33 44', root);
    await clickOn('contact-save', root);
    const post = backend.expectOne((r) => r.method === 'POST' && r.url === '/api/startups/s1/contacts');
    expect(post.request.body).toEqual({ name: 'Bruno Petit', role: null, email: null, phone: '+33611223344' });
    post.flush(contact('c3', 'Bruno Petit', { phone: '+33611223344' }));
    await settle();
    expect(rows(root)[0]).toContain('Bruno Petit');
    expect(rows(root)).toHaveLength(3);
  });

  it('refuses a phone that is not a number before sending it', async () => {
    const root = await render(true);
    await clickOn('contact-add', root);
    await typeInto('contact-name', 'Bruno', root);
    await typeInto('contact-phone', '12', root);
    await clickOn('contact-save', root);
    backend.expectNone((r) => r.method === 'POST');
    expect(root.querySelector('[data-testid="contact-error"]')?.textContent).toContain('Format international');
  });
});
