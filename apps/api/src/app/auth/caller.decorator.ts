import { createParamDecorator, ExecutionContext, InternalServerErrorException } from '@nestjs/common';
import { type AnyCaller, type Caller, isOperator } from '@incubator/api/identity';
import type { RequestWithCaller } from './access.guard';

/**
 * The organisation member resolved by AccessGuard; only on routes that are not public. The guard
 * never lets the platform operator reach a route that takes one; if it ever did, this refuses
 * rather than hand an organisation-scoped service a caller without an organisation.
 */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const caller = context.switchToHttp().getRequest<RequestWithCaller>().caller;
  if (!caller) throw new InternalServerErrorException('CurrentCaller used on a public route');
  if (isOperator(caller)) throw new InternalServerErrorException('CurrentCaller used on a route the platform operator may reach');
  return caller;
});

/** Whoever is signed in, the platform operator included: for `@Access('account')` routes. */
export const CurrentAccount = createParamDecorator((_data: unknown, context: ExecutionContext): AnyCaller => {
  const caller = context.switchToHttp().getRequest<RequestWithCaller>().caller;
  if (!caller) throw new InternalServerErrorException('CurrentAccount used on a public route');
  return caller;
});
