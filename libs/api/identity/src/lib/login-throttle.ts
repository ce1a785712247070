import { HttpException, Injectable, OnModuleDestroy, OnModuleInit, ServiceUnavailableException } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { SecurityEvents } from '@incubator/api/audit';
import { AppConfig } from '@incubator/api/config';
import { failFastRedis } from '@incubator/api/queues';
import type { DomainError } from '@incubator/api/errors';
import { IdentityErrors } from './identity.errors';

/**
 * The sign-in throttle, in Redis so every api replica shares it. Three counters:
 *  - account × address: LOGIN_MAX_FAILURES_PER_ACCOUNT attempts, then that pair is locked for
 *    LOGIN_LOCK_MINUTES. Keyed on the pair, so failures sent on purpose from one address lock only
 *    that address out of the account: the real user still signs in from theirs.
 *  - address (any account): LOGIN_MAX_FAILURES_PER_ADDRESS attempts, then the address is locked —
 *    one address spraying many accounts.
 *  - account (any address): failures only delay the next attempts, progressively (see loginDelayMs),
 *    never refuse them — an attacker from many addresses slows the guessing but locks nobody out.
 * The pair and address attempts are consumed atomically in Redis *before* the password is checked, so
 * a parallel burst gets no more checks than a patient attacker; a success gives them back.
 * If Redis is unreachable, sign-ins are refused with 503 rather than left unthrottled.
 *
 * Every key starts with `login-fail:` (the fuzz tier forgets them between its sign-in cases).
 */
@Injectable()
export class LoginThrottle implements OnModuleInit, OnModuleDestroy {
  private readonly redis: Redis;
  private readonly ready: () => Promise<void>;
  private readonly perPair: RateLimiterRedis;
  private readonly perAddress: RateLimiterRedis;
  private readonly perAccount: RateLimiterRedis;

  constructor(
    private readonly config: AppConfig,
    private readonly events: SecurityEvents,
  ) {
    ({ redis: this.redis, ready: this.ready } = failFastRedis(config));
    const window = config.LOGIN_LOCK_MINUTES * 60;
    const limiter = (keyPrefix: string, points: number, blockDuration: number) =>
      new RateLimiterRedis({ storeClient: this.redis, keyPrefix, points, duration: window, blockDuration });
    this.perPair = limiter('login-fail:pair', config.LOGIN_MAX_FAILURES_PER_ACCOUNT, window);
    this.perAddress = limiter('login-fail:address', config.LOGIN_MAX_FAILURES_PER_ADDRESS, window);
    // A counter only (it never refuses): points far above any count it can reach within the window.
    this.perAccount = limiter('login-fail:account', Number.MAX_SAFE_INTEGER, 0);
  }

  /**
   * Consumes one attempt of the account from this address, before the password is checked: throws 429
   * when the pair or the address is locked; otherwise waits the account's progressive delay.
   */
  async assertAllowed(email: string, address: string): Promise<void> {
    const pair = pairKey(email, address);
    const [byPair, byAddress] = await this.guard(() => Promise.allSettled([this.perPair.consume(pair), this.perAddress.consume(address)]));
    const refusal = [byPair, byAddress].find((outcome) => outcome.status === 'rejected');
    if (refusal) {
      const reason = (refusal as PromiseRejectedResult).reason;
      if (!(reason instanceof RateLimiterRes)) throw unavailable();
      await this.recordLock(email, address, byPair, byAddress);
      throw tooMany(reason.msBeforeNext);
    }
    const failures = (await this.guard(() => this.perAccount.get(email)))?.consumedPoints ?? 0;
    const delay = loginDelayMs(failures, this.config);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  }

  /** The attempt was already consumed by assertAllowed; a failure also slows the account's next attempts. */
  async recordFailure(email: string): Promise<void> {
    await this.guard(() => this.perAccount.penalty(email).then(() => undefined));
  }

  /** The right password: this pair's attempts and the account's delay are forgotten, the address's attempt given back. */
  async recordSuccess(email: string, address: string): Promise<void> {
    await this.guard(() =>
      Promise.all([this.perPair.delete(pairKey(email, address)), this.perAccount.delete(email), this.perAddress.reward(address, 1)]).then(() => undefined),
    );
  }

  /** The first sign-in (or request) after start-up must not find the connection still opening. */
  onModuleInit(): Promise<void> {
    return this.ready();
  }

  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
  }

  /** One event per lock, on the attempt that crossed the limit (the later refusals are not events). */
  private async recordLock(email: string, address: string, ...outcomes: PromiseSettledResult<RateLimiterRes>[]): Promise<void> {
    const [byPair, byAddress] = outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as RateLimiterRes)));
    const scope =
      byPair.consumedPoints === this.perPair.points + 1 ? 'account-address' : byAddress.consumedPoints === this.perAddress.points + 1 ? 'address' : null;
    if (scope) await this.events.record({ type: 'sign-in.locked', email, ip: address, detail: { scope, minutes: this.config.LOGIN_LOCK_MINUTES } });
  }

  private async guard<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof HttpException) throw error;
      throw unavailable();
    }
  }
}

/**
 * How long an attempt on an account waits before its password is checked, given the account's recent
 * failures from any address: nothing for the first LOGIN_DELAY_AFTER_FAILURES, then LOGIN_DELAY_BASE_MS
 * doubling with each further failure, up to LOGIN_DELAY_MAX_MS. A delay, not a refusal: the real user
 * with the right password always gets in, at worst LOGIN_DELAY_MAX_MS later.
 */
export function loginDelayMs(
  failures: number,
  config: Pick<AppConfig, 'LOGIN_DELAY_AFTER_FAILURES' | 'LOGIN_DELAY_BASE_MS' | 'LOGIN_DELAY_MAX_MS'>,
): number {
  const beyond = failures - config.LOGIN_DELAY_AFTER_FAILURES;
  if (beyond <= 0) return 0;
  // 2 ** 30 already exceeds any maximum: the cap keeps a long attack from overflowing to Infinity.
  return Math.min(config.LOGIN_DELAY_MAX_MS, config.LOGIN_DELAY_BASE_MS * 2 ** Math.min(beyond - 1, 30));
}

/** The email is normalised by the caller; the separator cannot occur in an email or an address. */
function pairKey(email: string, address: string): string {
  return `${email} ${address}`;
}

function tooMany(msBeforeNext: number): DomainError {
  // The exception filter turns the retryAfter detail into the Retry-After header.
  return IdentityErrors.sign_in_throttled({ retryAfter: Math.max(1, Math.ceil(msBeforeNext / 1000)) });
}

/** A 503 is no domain error (the request was fine): it stays an HttpException, its texts bilingual. */
function unavailable(): ServiceUnavailableException {
  return new ServiceUnavailableException({
    error: 'Service Unavailable',
    message: { fr: 'La connexion est momentanément indisponible.', en: 'Sign-in is temporarily unavailable.' },
    retryAfter: 5,
  });
}
