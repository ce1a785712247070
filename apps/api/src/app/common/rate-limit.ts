import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  HttpException,
  HttpStatus,
  Injectable,
  Module,
  OnModuleDestroy,
  OnModuleInit,
  ServiceUnavailableException,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AuditModule, SecurityEvents } from '@incubator/api/audit';
import { AppConfig } from '@incubator/api/config';
import { failFastRedis } from '@incubator/api/queues';
import type { RequestWithCaller } from '../auth/access.guard';

/*
 * Route rate limits, counted in Redis so that every api replica (and every node:cluster process)
 * shares one count. Built on rate-limiter-flexible rather than @nestjs/throttler: the sign-in throttle
 * already uses it (one library, one way of talking to Redis, one failure mode), its consume() is one
 * atomic Redis operation, and limits here are opt-in per route with the caller known — the throttler's
 * guard applies every named limit to every route unless each is skipped, and keys on the address only.
 */

/** Each policy and the AppConfig setting that holds its limit per RATE_LIMIT_WINDOW_SECONDS. */
export const RATE_LIMIT_POLICIES = {
  'sign-in': 'RATE_LIMIT_SIGN_IN',
  'password-reset': 'RATE_LIMIT_PASSWORD_RESET',
  invitations: 'RATE_LIMIT_INVITATIONS',
  exports: 'RATE_LIMIT_EXPORTS',
  imports: 'RATE_LIMIT_IMPORTS',
  reports: 'RATE_LIMIT_REPORTS',
  'board-quarter': 'RATE_LIMIT_BOARD',
} as const satisfies Record<string, keyof AppConfig>;
export type RateLimitPolicy = keyof typeof RATE_LIMIT_POLICIES;

const RATE_LIMIT_KEY = 'incubator:rate-limit';

/** Refusal of one request over its limit: when to try again, and whether it is the first of the window. */
interface Refusal {
  retryAfterSeconds: number;
  first: boolean;
}

/** The counters, one per policy, on a Redis connection of their own (it must not queue commands when Redis is down). */
@Injectable()
export class RateLimits implements OnModuleInit, OnModuleDestroy {
  private readonly redis: Redis;
  private readonly ready: () => Promise<void>;
  private readonly limiters: Record<RateLimitPolicy, RateLimiterRedis>;

  constructor(config: AppConfig) {
    ({ redis: this.redis, ready: this.ready } = failFastRedis(config));
    const entries = Object.entries(RATE_LIMIT_POLICIES).map(([policy, setting]) => [
      policy,
      new RateLimiterRedis({ storeClient: this.redis, keyPrefix: `rate-limit:${policy}`, points: config[setting], duration: config.RATE_LIMIT_WINDOW_SECONDS }),
    ]);
    this.limiters = Object.fromEntries(entries);
  }

  /** Counts one request of the subject under the policy: null when allowed, the refusal otherwise. */
  async consume(policy: RateLimitPolicy, subject: string): Promise<Refusal | null> {
    const limiter = this.limiters[policy];
    try {
      await limiter.consume(subject);
      return null;
    } catch (outcome) {
      // Fails closed: a limit that vanished whenever Redis did would invite knocking Redis over first.
      if (!(outcome instanceof RateLimiterRes)) throw unavailable();
      return { retryAfterSeconds: Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)), first: outcome.consumedPoints === limiter.points + 1 };
    }
  }

  /** The first request after start-up must not find the connection still opening. */
  onModuleInit(): Promise<void> {
    return this.ready();
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}

/**
 * Runs after the global AccessGuard (route guards follow global ones), so a signed-in caller is known:
 * members are counted by user (colleagues behind one office NAT don't share a count), anonymous callers
 * by client address (req.ip, from X-Forwarded-For only through TRUST_PROXY). Guards also run before
 * validation, so malformed requests count too.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimits,
    private readonly events: SecurityEvents,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.get<RateLimitPolicy | undefined>(RATE_LIMIT_KEY, context.getHandler());
    if (!policy) return true;
    const request = context.switchToHttp().getRequest<RequestWithCaller>();
    const caller = request.caller;
    const refusal = await this.limits.consume(policy, caller ? `user:${caller.userId}` : `ip:${request.ip ?? 'unknown'}`);
    if (!refusal) return true;
    // One event per subject and window, not one per refused request: a flood must not flood the event log.
    if (refusal.first) {
      await this.events.record({
        type: 'rate-limit.exceeded',
        organisationId: caller?.organisationId ?? null,
        userId: caller?.userId ?? null,
        ip: request.ip ?? null,
        requestId: request.id === undefined ? null : String(request.id),
        detail: { policy, route: `${request.method} ${(request.route as { path?: string } | undefined)?.path ?? request.path}` },
      });
    }
    throw tooMany(refusal.retryAfterSeconds);
  }
}

/** Limits the route under the policy (see RATE_LIMIT_POLICIES); beyond it, 429 with Retry-After. */
export function RateLimit(policy: RateLimitPolicy): MethodDecorator {
  return applyDecorators(
    SetMetadata(RATE_LIMIT_KEY, policy),
    UseGuards(RateLimitGuard),
    ApiTooManyRequestsResponse({ description: `Over the "${policy}" rate limit (${RATE_LIMIT_POLICIES[policy]} per RATE_LIMIT_WINDOW_SECONDS); see Retry-After` }),
  );
}

/** The policy a route handler is limited under, if any (for tests that check every route of a kind is). */
export function rateLimitPolicyOf(handler: object): RateLimitPolicy | undefined {
  return Reflect.getMetadata(RATE_LIMIT_KEY, handler);
}

/** Provides the guard and its counters to the controllers of the module that imports it. */
@Module({ imports: [AuditModule], providers: [RateLimits, RateLimitGuard], exports: [RateLimits, RateLimitGuard] })
export class RateLimitModule {}

function tooMany(retryAfter: number): HttpException {
  return new HttpException(
    // No statusCode in the body: the exception filter answers it in the caller's language and turns
    // retryAfter into the Retry-After header.
    {
      error: 'Too Many Requests',
      message: {
        fr: `Trop de requêtes ; réessayez dans ${retryAfter} s.`,
        en: `Too many requests; try again in ${retryAfter} s.`,
      },
      retryAfter,
    },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}

function unavailable(): ServiceUnavailableException {
  return new ServiceUnavailableException({
    error: 'Service Unavailable',
    message: { fr: 'Service momentanément indisponible, réessayez dans un instant.', en: 'Service briefly unavailable, try again in a moment.' },
    retryAfter: 5,
  });
}
