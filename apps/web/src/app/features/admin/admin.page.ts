import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSelectChange, MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import {
  InvitationResponse,
  isRole,
  MemberResponse,
  PageResponse,
  Permission,
  Role,
  ROLES,
  UpdateMemberRequest,
} from '@incubator/contracts';
import {
  BehaviorSubject,
  catchError,
  debounceTime,
  distinctUntilChanged,
  filter,
  map,
  Observable,
  of,
  Subject,
  switchMap,
} from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { genericError } from '../../core/forms/api-error';
import { LocalDatePipe } from '../../core/i18n/local-date.pipe';
import { LocaleService } from '../../core/i18n/locale.service';
import { StartupsService } from '../../core/startups/startups.service';
import { ConfirmDialogComponent, ConfirmDialogData } from '../../core/ui/confirm-dialog.component';
import { UsersService } from '../../core/users/users.service';
import { InviteDialogComponent } from './invite-dialog.component';
import { OnboardingChecklistComponent } from './onboarding/onboarding-checklist.component';

/** How long the search box waits for the admin to stop typing. */
export const MEMBER_SEARCH_DELAY_MS = 300;
export const PAGE_SIZES = [10, 20, 50];

export interface MemberFilter {
  q: string;
  role: Role | null;
  pageIndex: number;
  pageSize: number;
}

interface PageQuery {
  pageIndex: number;
  pageSize: number;
}

/** The last page received stays on screen while the next one loads, so the table does not jump. */
export interface Listing<T> {
  page: PageResponse<T> | null;
  loading: boolean;
  failed: boolean;
}

const LOADING: Listing<never> = { page: null, loading: true, failed: false };

export type InvitationStatus = 'pending' | 'accepted' | 'expired';

export function invitationState(invitation: InvitationResponse, now = Date.now()): InvitationStatus {
  if (invitation.acceptedAt) {
    return 'accepted';
  }
  return new Date(invitation.expiresAt).getTime() <= now ? 'expired' : 'pending';
}

/** Roles offered when changing a member's role: becoming a startup member needs a startup, so goes by invitation. */
const STAFF_ROLES = ROLES.filter((role) => role !== 'startup');

/** The organisation's members, their roles and access, and the invitations sent. */
@Component({
  selector: 'app-admin-page',
  imports: [
    LocalDatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatSelectModule,
    MatTableModule,
    OnboardingChecklistComponent,
    TranslocoDirective,
  ],
  templateUrl: './admin.page.html',
  styleUrl: './admin.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminPage {
  private readonly auth = inject(AuthService);
  private readonly usersApi = inject(UsersService);
  private readonly startups = inject(StartupsService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly memberFilters = new BehaviorSubject<MemberFilter>({ q: '', role: null, pageIndex: 0, pageSize: 20 });
  private readonly invitationPages = new BehaviorSubject<PageQuery>({ pageIndex: 0, pageSize: 10 });
  private readonly searches = new Subject<string>();
  private startupNamesRequested = false;

  protected readonly locale = inject(LocaleService).locale;
  protected readonly roles = ROLES;
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly columns = ['name', 'email', 'role', 'startup', 'status', 'lastLogin', 'actions'];
  protected readonly me = computed(() => this.auth.user()?.id ?? null);
  protected readonly organisation = computed(() => this.auth.user()?.organisation?.name ?? '');
  protected readonly canManage = computed(() => this.auth.permissions().includes(Permission.UsersManage));
  protected readonly memberFilter = toSignal(this.memberFilters, { requireSync: true });
  protected readonly members = signal<Listing<MemberResponse>>(LOADING);
  protected readonly invitationPage = toSignal(this.invitationPages, { requireSync: true });
  protected readonly invitations = signal<Listing<InvitationResponse>>(LOADING);
  protected readonly startupNames = this.startups.names;
  protected readonly invitationState = invitationState;

  constructor() {
    this.memberFilters
      .pipe(
        switchMap((f) => {
          this.members.update((listing) => ({ ...listing, loading: true }));
          return settle(
            this.usersApi.listMembers({ limit: f.pageSize, offset: f.pageIndex * f.pageSize, q: f.q, role: f.role }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((members) => {
        this.members.update((listing) => merge(listing, members));
        if (members) {
          this.requestStartupNames(members.items);
        }
      });

    this.invitationPages
      .pipe(
        switchMap((p) => {
          this.invitations.update((listing) => ({ ...listing, loading: true }));
          return settle(this.usersApi.listInvitations({ limit: p.pageSize, offset: p.pageIndex * p.pageSize }));
        }),
        takeUntilDestroyed(),
      )
      .subscribe((invitations) => this.invitations.update((listing) => merge(listing, invitations)));

    this.searches
      .pipe(
        map((q) => q.trim()),
        debounceTime(MEMBER_SEARCH_DELAY_MS),
        distinctUntilChanged(),
        filter((q) => q !== this.memberFilters.value.q),
        takeUntilDestroyed(),
      )
      .subscribe((q) => this.memberFilters.next({ ...this.memberFilters.value, q, pageIndex: 0 }));
  }

  protected search(event: Event): void {
    this.searches.next((event.target as HTMLInputElement).value);
  }

  protected filterRole(role: unknown): void {
    this.memberFilters.next({ ...this.memberFilters.value, role: isRole(role) ? role : null, pageIndex: 0 });
  }

  protected pageMembers(event: PageEvent): void {
    this.memberFilters.next({ ...this.memberFilters.value, pageIndex: event.pageIndex, pageSize: event.pageSize });
  }

  protected pageInvitations(event: PageEvent): void {
    this.invitationPages.next({ pageIndex: event.pageIndex, pageSize: event.pageSize });
  }

  protected roleOptions(member: MemberResponse): readonly Role[] {
    return member.role === 'startup' ? ROLES : STAFF_ROLES;
  }

  protected changeRole(member: MemberResponse, change: MatSelectChange): void {
    const role = change.value as Role;
    // Leaving the startup role also leaves the startup.
    const request: UpdateMemberRequest = member.role === 'startup' ? { role, startupId: null } : { role };
    this.update(member, request, 'admin.members.roleChanged', () => (change.source.value = member.role));
  }

  protected toggleActive(member: MemberResponse): void {
    const action = member.isActive ? 'deactivate' : 'reactivate';
    this.confirm({
      title: this.t(`admin.confirm.${action}Title`, { name: member.displayName }),
      text: this.t(`admin.confirm.${action}Text`),
      confirm: this.t(`admin.members.${action}`),
    }).subscribe(() =>
      this.update(
        member,
        { isActive: !member.isActive },
        member.isActive ? 'admin.members.deactivated' : 'admin.members.reactivated',
      ),
    );
  }

  protected openInvite(): void {
    this.dialog
      .open<InviteDialogComponent, void, InvitationResponse>(InviteDialogComponent, {
        width: '32rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      // Cancel closes with no invitation (`mat-dialog-close` gives '').
      .pipe(filter((invitation): invitation is InvitationResponse => !!invitation))
      .subscribe((invitation) => {
        this.notify(this.t('admin.invite.sent', { email: invitation.email }));
        // Pending invitations come first: the new one is on the first page.
        this.invitationPages.next({ ...this.invitationPages.value, pageIndex: 0 });
      });
  }

  protected revoke(invitation: InvitationResponse): void {
    this.confirm({
      title: this.t('admin.confirm.revokeTitle', { email: invitation.email }),
      text: this.t('admin.confirm.revokeText'),
      confirm: this.t('admin.invitations.revoke'),
    })
      .pipe(switchMap(() => this.usersApi.revokeInvitation(invitation.id)))
      .subscribe({
        next: () => {
          this.notify(this.t('admin.invitations.revoked', { email: invitation.email }));
          this.invitationPages.next({ ...this.invitationPages.value });
        },
        error: (error: unknown) => this.notifyError(error),
      });
  }

  protected startupName(startupId: string): string {
    return this.startupNames().get(startupId) ?? startupId;
  }

  private update(
    member: MemberResponse,
    request: UpdateMemberRequest,
    doneKey: string,
    undo: () => void = () => undefined,
  ): void {
    this.usersApi.updateMember(member.userId, request).subscribe({
      next: (updated) => {
        this.replaceMember(updated);
        this.notify(this.t(doneKey, { name: updated.displayName, role: this.t(`roles.${updated.role}`) }));
      },
      error: (error: unknown) => {
        undo();
        // A 409 says why (e.g. the organisation would be left without an active admin).
        this.notifyError(error);
      },
    });
  }

  private replaceMember(updated: MemberResponse): void {
    this.members.update((listing) =>
      listing.page
        ? {
            ...listing,
            page: {
              ...listing.page,
              items: listing.page.items.map((m) => (m.userId === updated.userId ? updated : m)),
            },
          }
        : listing,
    );
  }

  /**
   * Members carry their startup's id only; the names of the first startups are fetched once so
   * that the table reads well. A startup the list does not reach shows its id.
   */
  private requestStartupNames(members: MemberResponse[]): void {
    const names = this.startupNames();
    if (this.startupNamesRequested || members.every((m) => !m.startupId || names.has(m.startupId))) {
      return;
    }
    this.startupNamesRequested = true;
    this.startups.list({ limit: 100, offset: 0 }).subscribe({ error: () => undefined });
  }

  /** Emits once, if the admin confirms. */
  private confirm(data: Omit<ConfirmDialogData, 'cancel'>): Observable<true> {
    return this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
        data: { ...data, cancel: this.t('admin.confirm.cancel') },
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(filter((confirmed): confirmed is true => confirmed === true));
  }

  private notify(message: string): void {
    this.snackBar.open(message, undefined, { duration: 5000 });
  }

  private notifyError(error: unknown): void {
    const message = genericError(error);
    this.notify(message.text !== undefined ? message.text : this.t(message.key));
  }

  private t(key: string, params?: Record<string, unknown>): string {
    return this.transloco.translate(key, params);
  }
}

/** Errors are shown in the page, not thrown: the listing must keep listening for the next query. */
function settle<T>(request: Observable<PageResponse<T>>): Observable<PageResponse<T> | null> {
  return request.pipe(catchError(() => of(null)));
}

function merge<T>(listing: Listing<T>, page: PageResponse<T> | null): Listing<T> {
  return page ? { page, loading: false, failed: false } : { ...listing, loading: false, failed: true };
}
