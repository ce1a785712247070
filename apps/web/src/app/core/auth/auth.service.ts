import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import {
  AcceptInvitationRequest,
  AuthUser,
  isMfaChallenge,
  LoginRequest,
  LoginResponse,
  MfaChallengeConfirmRequest,
  MfaChallengeResponse,
  MfaEnrolmentResponse,
  MfaVerifyRequest,
  Permission,
  RefreshRequest,
  SessionResponse,
} from '@incubator/contracts';
import { Observable, catchError, finalize, firstValueFrom, map, of, share, tap, throwError } from 'rxjs';
import { SKIP_LOGIN_REDIRECT } from './api-request';

interface Session {
  accessToken: string;
  user: AuthUser;
}

/**
 * The signed-in user and their access token. The token lives in memory only: never in
 * localStorage, where any injected script could read it. A reload gets a new one from the
 * httpOnly refresh cookie (see `restore`).
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly session = signal<Session | null>(null);
  private refreshInFlight: Observable<AuthUser> | null = null;

  readonly user = computed(() => this.session()?.user ?? null);
  readonly isAuthenticated = computed(() => this.session() !== null);
  readonly permissions = computed<readonly Permission[]>(() => this.session()?.user.permissions ?? []);

  accessToken(): string | null {
    return this.session()?.accessToken ?? null;
  }

  /** What the client shows; the API checks the same permission again. */
  can(permission: Permission): boolean {
    return this.permissions().includes(permission);
  }

  /**
   * Signs in; with MFA on (or required by the organisation and not yet set up) the answer is the
   * challenge of the second step instead of a user, and no session exists until it is completed.
   */
  login(request: LoginRequest): Observable<AuthUser | MfaChallengeResponse> {
    return this.http
      .post<LoginResponse>('/api/auth/login', request)
      .pipe(map((answer) => (isMfaChallenge(answer) ? answer : this.start(answer))));
  }

  /** Second step of a sign-in: a code of the authenticator app or a recovery code. */
  verifyMfa(request: MfaVerifyRequest): Observable<AuthUser> {
    return this.http.post<SessionResponse>('/api/auth/mfa/verify', request).pipe(map((session) => this.start(session)));
  }

  /** MFA required at sign-in: the secret and QR code to scan, for the challenge. */
  startChallengeEnrolment(challengeToken: string): Observable<MfaEnrolmentResponse> {
    return this.http.post<MfaEnrolmentResponse>('/api/auth/mfa/challenge/enrol', { challengeToken });
  }

  /** Confirms that enrolment: signs in, and hands back the recovery codes (shown once). */
  confirmChallengeEnrolment(request: MfaChallengeConfirmRequest): Observable<{ user: AuthUser; recoveryCodes: string[] }> {
    return this.http
      .post<SessionResponse>('/api/auth/mfa/challenge/confirm', request)
      .pipe(map((session) => ({ user: this.start(session), recoveryCodes: session.recoveryCodes ?? [] })));
  }

  /** Accepting an invitation signs the invitee in. */
  acceptInvitation(request: AcceptInvitationRequest): Observable<AuthUser> {
    return this.http
      .post<SessionResponse>('/api/auth/invitations/accept', request)
      .pipe(map((session) => this.start(session)));
  }

  /**
   * Trades the refresh cookie for a new session. Concurrent callers share one request: the API
   * rotates the refresh token, so a second parallel refresh would present a used token.
   * Ends the local session when the refresh fails.
   */
  refresh(): Observable<AuthUser> {
    this.refreshInFlight ??= this.http.post<SessionResponse>('/api/auth/refresh', {} satisfies RefreshRequest).pipe(
      map((session) => this.start(session)),
      catchError((error: unknown) => {
        this.session.set(null);
        return throwError(() => error);
      }),
      finalize(() => (this.refreshInFlight = null)),
      share(),
    );
    return this.refreshInFlight;
  }

  /** At start-up: resumes the session of the refresh cookie, if there is one. Never fails. */
  restore(): Promise<void> {
    return firstValueFrom(
      this.refresh().pipe(
        map(() => undefined),
        catchError(() => of(undefined)),
      ),
    );
  }

  /** Ends the session on the server (which clears the cookie) and here, even if the call fails. */
  logout(): Observable<void> {
    return this.http
      .post<void>('/api/auth/logout', {}, { context: new HttpContext().set(SKIP_LOGIN_REDIRECT, true) })
      .pipe(
        catchError(() => of(undefined)),
        map(() => undefined),
        tap({ finalize: () => this.session.set(null) }),
      );
  }

  private start(session: SessionResponse): AuthUser {
    this.session.set({ accessToken: session.accessToken, user: session.user });
    return session.user;
  }
}
