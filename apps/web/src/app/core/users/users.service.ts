import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  InvitationResponse,
  InviteRequest,
  MemberResponse,
  PageResponse,
  Role,
  UpdateMemberRequest,
} from '@incubator/contracts';
import { Observable } from 'rxjs';
import { toParams } from '../api/to-params';

export interface MemberQuery {
  limit: number;
  offset: number;
  /** Matches name or email. */
  q?: string;
  role?: Role | null;
}

export interface PageQuery {
  limit: number;
  offset: number;
}

/** The organisation's members and invitations (permissions `users:read`, `users:manage`). */
@Injectable({ providedIn: 'root' })
export class UsersService {
  private readonly http = inject(HttpClient);

  listMembers(query: MemberQuery): Observable<PageResponse<MemberResponse>> {
    return this.http.get<PageResponse<MemberResponse>>('/api/users', { params: toParams(query) });
  }

  /** 409 when the change would leave the organisation without an active admin. */
  updateMember(userId: string, change: UpdateMemberRequest): Observable<MemberResponse> {
    return this.http.patch<MemberResponse>(`/api/users/${encodeURIComponent(userId)}`, change);
  }

  /** Pending invitations come first. */
  listInvitations(query: PageQuery): Observable<PageResponse<InvitationResponse>> {
    return this.http.get<PageResponse<InvitationResponse>>('/api/invitations', { params: toParams(query) });
  }

  /** 409 when the email is already an active member or has a pending invitation. */
  invite(request: InviteRequest): Observable<InvitationResponse> {
    return this.http.post<InvitationResponse>('/api/invitations', request);
  }

  revokeInvitation(id: string): Observable<void> {
    return this.http.delete<void>(`/api/invitations/${encodeURIComponent(id)}`);
  }
}
