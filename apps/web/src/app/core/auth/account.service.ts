import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  InvitationPreview,
  PasswordResetConfirmRequest,
  PasswordResetRequest,
} from '@incubator/contracts';
import { Observable } from 'rxjs';

/** The account pages a visitor uses before being signed in: invitation and password reset. */
@Injectable({ providedIn: 'root' })
export class AccountService {
  private readonly http = inject(HttpClient);

  /** 404 for an unknown token, 410 when it expired or was used. */
  previewInvitation(token: string): Observable<InvitationPreview> {
    return this.http.get<InvitationPreview>(`/api/auth/invitations/${encodeURIComponent(token)}`);
  }

  /** Always accepted (202), whether or not the account exists. */
  requestPasswordReset(request: PasswordResetRequest): Observable<void> {
    return this.http.post<void>('/api/auth/password-reset', request);
  }

  /** 410 when the token is invalid, expired or used. */
  confirmPasswordReset(request: PasswordResetConfirmRequest): Observable<void> {
    return this.http.post<void>('/api/auth/password-reset/confirm', request);
  }
}
