import { createParamDecorator, ExecutionContext, InternalServerErrorException } from '@nestjs/common';
import type { Caller } from '@incubator/api/identity';
import type { RequestWithCaller } from './access.guard';

/** The caller resolved by AccessGuard; only on routes that are not public. */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const caller = context.switchToHttp().getRequest<RequestWithCaller>().caller;
  if (!caller) throw new InternalServerErrorException('CurrentCaller used on a public route');
  return caller;
});
