import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import { InvitationResponse, MemberResponse, PageResponse } from '@incubator/contracts';
import { signIn } from '../../../testing/identity-fixtures';
import { translocoTesting } from '../../../testing/transloco-testing';
import { LocaleService } from '../../core/i18n/locale.service';
import { TranslatedPaginatorIntl } from '../../core/i18n/translated-paginator-intl';
import { AdminPage } from './admin.page';
import { STARTUP_SEARCH_DELAY_MS } from './invite-dialog.component';

const admin: MemberResponse = {
  userId: 'user-admin',
  email: 'admin@euratech.example',
  displayName: 'Camille admin',
  role: 'admin',
  startupId: null,
  isActive: true,
  lastLoginAt: '2025-03-14T09:26:53Z',
  joinedAt: '2024-01-02T08:00:00Z',
};
const otherAdmin: MemberResponse = {
  ...admin,
  userId: 'user-2',
  email: 'dominique@euratech.example',
  displayName: 'Dominique Martin',
  lastLoginAt: null,
};
const founder: MemberResponse = {
  ...admin,
  userId: 'user-3',
  email: 'founder@acme.example',
  displayName: 'Alex Founder',
  role: 'startup',
  startupId: 'startup-acme',
};

function page<T>(items: T[], total = items.length): PageResponse<T> {
  return { items, total, limit: 20, offset: 0 };
}

function invitation(overrides: Partial<InvitationResponse> = {}): InvitationResponse {
  return {
    id: 'inv-1',
    email: 'new.manager@euratech.example',
    role: 'manager',
    startupId: null,
    expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    acceptedAt: null,
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}

describe('AdminPage', () => {
  let fixture: ComponentFixture<AdminPage>;
  let backend: HttpTestingController;
  let loader: HarnessLoader;
  let firstMembersQuery: string;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [AdminPage, translocoTesting({ translocoConfig: { defaultLang: 'en' } })],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl },
        // Dialogs then close at once, instead of after a transition jsdom never ends.
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    TestBed.inject(LocaleService).use('en');
    backend = TestBed.inject(HttpTestingController);
    await signIn('admin');

    fixture = TestBed.createComponent(AdminPage);
    loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
    // The set-up checklist (its own spec): a set-up organisation, so it gives way.
    backend.match('/api/onboarding').forEach((request) => request.flush({ steps: [], doneCount: 8, complete: true }));
    const members = expectMembers();
    firstMembersQuery = members.request.params.toString();
    await answer(members, page([admin, otherAdmin, founder]));
    // Members carry a startup id only: the page fetches the names of the first startups.
    const startupNames = backend.expectOne((r) => r.url === '/api/startups');
    await answer(startupNames, page([{ id: 'startup-acme', legalName: 'Acme SAS' }]));
    await answer(expectInvitations(), page([]));
  });

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  const view = () => fixture.nativeElement as HTMLElement;
  const row = (email: string) => view().querySelector<HTMLElement>(`[data-testid="member-row-${email}"]`);
  const inDocument = (selector: string) => document.querySelector<HTMLElement>(selector);
  const snackBarText = () => inDocument('.mat-mdc-snack-bar-label')?.textContent?.trim();

  function expectMembers(): TestRequest {
    return backend.expectOne((r) => r.method === 'GET' && r.url === '/api/users');
  }

  function expectInvitations(): TestRequest {
    return backend.expectOne((r) => r.method === 'GET' && r.url === '/api/invitations');
  }

  async function answer(request: TestRequest, body: object | null, status = 200) {
    request.flush(body, { status, statusText: String(status) });
    await fixture.whenStable();
  }

  async function openInvite() {
    view().querySelector<HTMLElement>('[data-testid="invite-open"]')?.click();
    await fixture.whenStable();
    return loader.getHarness(MatDialogHarness);
  }

  async function fillInvite(email: string, roleLabel: string) {
    await (await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="invite-email"]' }))).setValue(email);
    const role = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="invite-role"]' }));
    await role.open();
    await role.clickOptions({ text: roleLabel });
  }

  async function waitForStartupSearch() {
    await new Promise((resolve) => setTimeout(resolve, STARTUP_SEARCH_DELAY_MS + 50));
    await fixture.whenStable();
  }

  async function submitInvite() {
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="invite-submit"]' }))).click();
    await fixture.whenStable();
  }

  it('lists the members with their role, startup, access and locale-formatted last sign-in', () => {
    expect(firstMembersQuery).toBe('limit=20&offset=0');

    expect(view().querySelector('[data-testid="users-table"]')).not.toBeNull();
    expect(view().querySelector('[data-testid="area-title"]')?.textContent).toContain('Administration');
    const dominique = row('dominique@euratech.example')?.textContent ?? '';
    expect(dominique).toContain('Dominique Martin');
    expect(dominique).toContain('Active');
    expect(dominique).toContain('Never');
    expect(row('admin@euratech.example')?.textContent).toContain('Mar 14, 2025');
    expect(row('admin@euratech.example')?.textContent).toContain('(you)');
    expect(row('founder@acme.example')?.textContent).toContain('Acme SAS');
    // No role change or deactivation of oneself: that is how an admin locks themselves out.
    expect(row('admin@euratech.example')?.querySelector('[data-testid="member-toggle-active"]')).toBeNull();
    expect(row('dominique@euratech.example')?.querySelector('[data-testid="member-toggle-active"]')).not.toBeNull();
  });

  it('invites a member and shows the new invitation', async () => {
    await openInvite();
    await fillInvite('  new.manager@euratech.example ', 'Park manager');
    await submitInvite();

    const post = backend.expectOne('/api/invitations');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ email: 'new.manager@euratech.example', role: 'manager', locale: 'en' });
    await answer(post, invitation(), 201);

    expect(await loader.getAllHarnesses(MatDialogHarness)).toHaveLength(0);
    expect(snackBarText()).toBe('Invitation sent to new.manager@euratech.example.');
    // The list is read again: pending invitations come first, on page one.
    const reload = expectInvitations();
    expect(reload.request.params.get('offset')).toBe('0');
    await answer(reload, page([invitation()]));
    const listed = view().querySelector('[data-testid="invitation-row-new.manager@euratech.example"]');
    expect(listed?.textContent).toContain('Pending');
    expect(listed?.textContent).toContain('Park manager');
  });

  it('changes nothing when the invitation is cancelled', async () => {
    await openInvite();
    await fillInvite('someone@euratech.example', 'Park manager');

    inDocument('[data-testid="invite-cancel"]')?.click();
    await fixture.whenStable();

    expect(await loader.getAllHarnesses(MatDialogHarness)).toHaveLength(0);
    backend.expectNone('/api/invitations');
    expect(snackBarText()).toBeUndefined();
  });

  it('sends nothing while the invitation form is invalid', async () => {
    await openInvite();
    const email = await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="invite-email"]' }));
    await email.setValue('not-an-email');
    await submitInvite();

    backend.expectNone('/api/invitations');
    expect(inDocument('[data-testid="invite-email"]')?.closest('mat-form-field')?.textContent).toContain(
      'Enter a valid email address.',
    );
    expect(inDocument('[data-testid="invite-role"]')?.closest('mat-form-field')?.textContent).toContain('Required.');
  });

  it('shows a 409 (already a member or invited) at the email field and keeps the dialog open', async () => {
    await openInvite();
    await fillInvite('dominique@euratech.example', 'Board member');
    await submitInvite();

    await answer(
      backend.expectOne('/api/invitations'),
      { statusCode: 409, error: 'Conflict', message: 'This email already belongs to an active member.' },
      409,
    );

    expect(await loader.getAllHarnesses(MatDialogHarness)).toHaveLength(1);
    const emailField = inDocument('[data-testid="invite-email"]')?.closest('mat-form-field');
    expect(emailField?.querySelector('mat-error')?.textContent).toContain(
      'This email already belongs to an active member.',
    );
    backend.expectNone((r) => r.method === 'GET' && r.url === '/api/invitations');
  });

  it('asks for the startup of a startup member, picked from a search', async () => {
    await openInvite();
    expect(inDocument('[data-testid="invite-startup"]')).toBeNull();
    await fillInvite('founder@beta.example', 'Startup member');
    expect(inDocument('[data-testid="invite-startup"]')).not.toBeNull();
    // Choosing the role lists the first startups, for a pick without typing.
    await waitForStartupSearch();
    const first = backend.expectOne((r) => r.url === '/api/startups');
    expect(first.request.params.has('q')).toBe(false);
    await answer(first, page([{ id: 'startup-acme', legalName: 'Acme SAS' }]));

    await submitInvite();
    backend.expectNone('/api/invitations');
    expect(inDocument('[data-testid="invite-startup"]')?.closest('mat-form-field')?.textContent).toContain(
      'Choose a startup from the list.',
    );

    const picker = await loader.getHarness(MatAutocompleteHarness.with({ selector: '[data-testid="invite-startup"]' }));
    await picker.enterText('Beta');
    await waitForStartupSearch();
    const search = backend.expectOne((r) => r.url === '/api/startups');
    expect(search.request.params.get('q')).toBe('Beta');
    await answer(search, page([{ id: 'startup-beta', legalName: 'Beta Robotics SAS' }]));
    await picker.selectOption({ text: 'Beta Robotics SAS' });
    await submitInvite();

    const post = backend.expectOne('/api/invitations');
    expect(post.request.body).toEqual({
      email: 'founder@beta.example',
      role: 'startup',
      startupId: 'startup-beta',
      locale: 'en',
    });
    await answer(post, invitation({ email: 'founder@beta.example', role: 'startup', startupId: 'startup-beta' }), 201);
    await answer(expectInvitations(), page([]));
  });

  it('deactivates a member after confirmation', async () => {
    row('dominique@euratech.example')?.querySelector<HTMLElement>('[data-testid="member-toggle-active"]')?.click();
    await fixture.whenStable();
    expect(await (await loader.getHarness(MatDialogHarness)).getTitleText()).toBe('Deactivate Dominique Martin?');

    inDocument('[data-testid="confirm-accept"]')?.click();
    await fixture.whenStable();
    const patch = backend.expectOne('/api/users/user-2');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ isActive: false });
    await answer(patch, { ...otherAdmin, isActive: false });

    expect(row('dominique@euratech.example')?.querySelector('[data-testid="member-status"]')?.textContent).toContain(
      'Deactivated',
    );
    expect(snackBarText()).toBe('Dominique Martin can no longer sign in.');
  });

  it('changes nothing when the confirmation is cancelled', async () => {
    row('dominique@euratech.example')?.querySelector<HTMLElement>('[data-testid="member-toggle-active"]')?.click();
    await fixture.whenStable();

    inDocument('[data-testid="confirm-cancel"]')?.click();
    await fixture.whenStable();

    backend.expectNone('/api/users/user-2');
  });

  it('puts the role back and says why when the API refuses a role change (409)', async () => {
    const role = await loader.getHarness(
      MatSelectHarness.with({ ancestor: '[data-testid="member-row-dominique@euratech.example"]' }),
    );
    await role.open();
    await role.clickOptions({ text: 'Board member' });

    const patch = backend.expectOne('/api/users/user-2');
    expect(patch.request.body).toEqual({ role: 'board' });
    await answer(
      patch,
      { statusCode: 409, error: 'Conflict', message: 'The organisation must keep at least one active admin.' },
      409,
    );

    expect(await role.getValueText()).toBe('Administrator');
    expect(snackBarText()).toBe('The organisation must keep at least one active admin.');
  });

  it('filters by role from the first page', async () => {
    const filter = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="users-role-filter"]' }));
    await filter.open();
    await filter.clickOptions({ text: 'Board member' });

    const request = expectMembers();
    expect(request.request.params.get('role')).toBe('board');
    expect(request.request.params.get('offset')).toBe('0');
    await answer(request, page([]));
    expect(view().querySelector('[data-testid="users-table"]')?.textContent).toContain('No member matches.');
  });
});
