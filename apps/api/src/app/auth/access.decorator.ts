import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Permission } from '@incubator/contracts';

/**
 * Who may call a route. Every route declares exactly one; the global AccessGuard refuses routes
 * without a declaration, and the access-matrix test checks every registered route against it.
 *  - `public`: anyone, signed in or not (health, login, invitation acceptance…)
 *  - `signed-in`: any active member of the organisation (their own session, profile…)
 *  - a Permission: members whose role grants it (see ROLE_PERMISSIONS in contracts)
 */
export type AccessRule = 'public' | 'signed-in' | Permission;

export const ACCESS_KEY = 'incubator:access';

export function Access(rule: AccessRule): MethodDecorator & ClassDecorator {
  const metadata = SetMetadata(ACCESS_KEY, rule);
  if (rule === 'public') return metadata;
  return applyDecorators(
    metadata,
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No valid access token' }),
    ApiForbiddenResponse({ description: rule === 'signed-in' ? 'Inactive membership' : `Role lacks ${rule}` }),
  );
}
