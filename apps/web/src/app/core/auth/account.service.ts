import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  InvitationPreview,
  InvitationPreviewRequest,
  PasswordResetConfirmRequest,
  PasswordResetRequest,
} from '@incubator/contracts';
import { Observable } from 'rxjs';

/** The account pages a visitor uses before being signed in: invitation and password reset. */
@Injectable({ providedIn: 'root' })
export class AccountService {
  private readonly http = inject(HttpClient);

  /** 404 for an unknown token, 410 when it expired or was used. POST: a token in a URL would be logged. */
  previewInvitation(token: string): Observable<InvitationPreview> {
    const request: InvitationPreviewRequest = { token };
    return this.http.post<InvitationPreview>('/api/auth/invitations/preview', request);
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
