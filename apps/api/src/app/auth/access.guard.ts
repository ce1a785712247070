import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AccessTokenService, AnyCaller, AuthService, IdentityErrors, isOperator } from '@incubator/api/identity';
import { roleCan } from '@incubator/contracts';
import { ACCESS_KEY, AccessRule } from './access.decorator';

export type RequestWithCaller = Request & { caller?: AnyCaller; id?: string | number };

/**
 * Deny by default: a route without an @Access declaration is refused (and logged, since it is a bug).
 * Otherwise the bearer token is verified, the caller resolved from the database (live session, active
 * membership) and the route's permission checked against the caller's role. The platform operator
 * (no organisation) reaches only `account` routes and the operator's own permissions: an
 * organisation-scoped route (`signed-in` or any other permission) is refused before its handler runs.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<RequestWithCaller>();
    if (!rule) {
      this.logger.error(`${request.method} ${request.path} has no @Access declaration: refused`);
      throw IdentityErrors.no_access_rule();
    }
    if (rule === 'public') return true;

    const header = request.headers.authorization ?? '';
    const claims = header.startsWith('Bearer ') ? await this.tokens.verify(header.slice('Bearer '.length)) : null;
    const caller = claims ? await this.auth.resolveCaller(claims, request.id === undefined ? null : String(request.id)) : null;
    if (!caller) throw IdentityErrors.sign_in_required();
    request.caller = caller;
    if (rule === 'account') return true;
    if (isOperator(caller)) {
      if (rule === 'signed-in' || !roleCan(caller.role, rule)) throw IdentityErrors.operator_outside_organisations();
      return true;
    }
    if (rule !== 'signed-in' && !roleCan(caller.role, rule)) throw IdentityErrors.role_forbidden();
    return true;
  }
}
