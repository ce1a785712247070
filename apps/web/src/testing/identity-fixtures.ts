import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AuthUser, CallerRole, OPERATOR_ROLE, permissionsOf, SessionResponse } from '@incubator/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../app/core/auth/auth.service';

export function userWith(role: CallerRole, overrides: Partial<AuthUser> = {}): AuthUser {
  return {
    id: `user-${role}`,
    email: `${role}@euratech.example`,
    displayName: `Camille ${role}`,
    locale: 'en',
    // The platform operator belongs to no organisation.
    organisation: role === OPERATOR_ROLE ? null : { id: 'org-1', slug: 'euratech', name: 'EuraTechnologies' },
    role,
    startupId: role === 'startup' ? 'startup-1' : null,
    permissions: [...permissionsOf(role)],
    ...overrides,
  };
}

export function sessionFor(user: AuthUser, accessToken = `token-${user.role}`): SessionResponse {
  return { accessToken, expiresIn: 900, user };
}

/** Signs in through the real AuthService, answering its login request. Needs HttpTestingController. */
export async function signIn(role: CallerRole, overrides: Partial<AuthUser> = {}): Promise<AuthUser> {
  const user = userWith(role, overrides);
  const signedIn = firstValueFrom(TestBed.inject(AuthService).login({ email: user.email, password: 'x' })) as Promise<AuthUser>;
  TestBed.inject(HttpTestingController).expectOne('/api/auth/login').flush(sessionFor(user));
  return signedIn;
}
