import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Permission } from '@incubator/contracts';

/**
 * Who may call a route. Every route declares exactly one; the global AccessGuard refuses routes
 * without a declaration, and the access-matrix test checks every registered route against it.
 *  - `public`: anyone, signed in or not (health, login, invitation acceptance…)
 *  - `account`: anyone signed in, the platform operator included: routes about the caller's own
 *    account and session only (logout, profile), which take `@CurrentAccount()` and no organisation
 *  - `signed-in`: any active member of the organisation (their own session, profile…); not the operator
 *  - a Permission: callers whose role grants it (see ROLE_PERMISSIONS and OPERATOR_PERMISSIONS in contracts)
 */
export type AccessRule = 'public' | 'account' | 'signed-in' | Permission;

export const ACCESS_KEY = 'incubator:access';

export function Access(rule: AccessRule): MethodDecorator & ClassDecorator {
  const metadata = SetMetadata(ACCESS_KEY, rule);
  if (rule === 'public') return metadata;
  return applyDecorators(
    metadata,
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No valid access token' }),
    ApiForbiddenResponse({
      description: rule === 'account' ? 'Never (any live session)' : rule === 'signed-in' ? 'Inactive membership, or the platform operator' : `Role lacks ${rule}`,
    }),
  );
}
