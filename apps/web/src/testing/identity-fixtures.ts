import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AuthUser, Role, ROLE_PERMISSIONS, SessionResponse } from '@incubator/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../app/core/auth/auth.service';

export function userWith(role: Role, overrides: Partial<AuthUser> = {}): AuthUser {
  return {
    id: `user-${role}`,
    email: `${role}@euratech.example`,
    displayName: `Camille ${role}`,
    locale: 'en',
    organisation: { id: 'org-1', slug: 'euratech', name: 'EuraTechnologies' },
    role,
    startupId: role === 'startup' ? 'startup-1' : null,
    permissions: [...ROLE_PERMISSIONS[role]],
    ...overrides,
  };
}

export function sessionFor(user: AuthUser, accessToken = `token-${user.role}`): SessionResponse {
  return { accessToken, expiresIn: 900, refreshToken: 'refresh-cookie-value', user };
}

/** Signs in through the real AuthService, answering its login request. Needs HttpTestingController. */
export async function signIn(role: Role, overrides: Partial<AuthUser> = {}): Promise<AuthUser> {
  const user = userWith(role, overrides);
  const signedIn = firstValueFrom(TestBed.inject(AuthService).login({ email: user.email, password: 'x' }));
  TestBed.inject(HttpTestingController).expectOne('/api/auth/login').flush(sessionFor(user));
  return signedIn;
}
