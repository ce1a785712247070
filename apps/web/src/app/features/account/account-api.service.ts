import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ChangePasswordRequest,
  MfaConfirmRequest,
  MfaDisableRequest,
  MfaEnrolmentResponse,
  MfaPolicy,
  MfaRecoveryCodesResponse,
  MfaStatusResponse,
  SessionSummary,
} from '@incubator/contracts';
import { Observable } from 'rxjs';

/** The signed-in user's own account: password, sessions, second factor, and the organisation's MFA policy. */
@Injectable({ providedIn: 'root' })
export class AccountApiService {
  private readonly http = inject(HttpClient);

  /** 400 with a message at `currentPassword` when it is wrong. Every other session is signed out. */
  changePassword(request: ChangePasswordRequest): Observable<void> {
    return this.http.post<void>('/api/auth/password', request);
  }

  sessions(): Observable<SessionSummary[]> {
    return this.http.get<SessionSummary[]>('/api/auth/sessions');
  }

  revokeSession(id: string): Observable<void> {
    return this.http.delete<void>(`/api/auth/sessions/${encodeURIComponent(id)}`);
  }

  revokeOtherSessions(): Observable<void> {
    return this.http.post<void>('/api/auth/sessions/revoke-others', {});
  }

  mfaStatus(): Observable<MfaStatusResponse> {
    return this.http.get<MfaStatusResponse>('/api/auth/mfa');
  }

  /** 409 when MFA is already on. */
  startMfaEnrolment(): Observable<MfaEnrolmentResponse> {
    return this.http.post<MfaEnrolmentResponse>('/api/auth/mfa/enrol', {});
  }

  confirmMfaEnrolment(request: MfaConfirmRequest): Observable<MfaRecoveryCodesResponse> {
    return this.http.post<MfaRecoveryCodesResponse>('/api/auth/mfa/confirm', request);
  }

  /** 409 where the organisation requires MFA of the user's role. */
  disableMfa(request: MfaDisableRequest): Observable<void> {
    return this.http.post<void>('/api/auth/mfa/disable', request);
  }

  mfaPolicy(): Observable<MfaPolicy> {
    return this.http.get<MfaPolicy>('/api/auth/mfa-policy');
  }

  setMfaPolicy(policy: MfaPolicy): Observable<MfaPolicy> {
    return this.http.put<MfaPolicy>('/api/auth/mfa-policy', policy);
  }
}
