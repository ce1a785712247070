import { HttpException, HttpStatus, Injectable, OnModuleDestroy, ServiceUnavailableException } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '@incubator/api/config';
import { redisConnectionOptions } from '@incubator/api/queues';

/**
 * Counts failed logins in Redis (shared by every api replica) per account and per client address,
 * and refuses further attempts with 429 once either limit is reached, for LOGIN_LOCK_MINUTES.
 * If Redis is unreachable, logins are refused with 503 rather than left unthrottled.
 */
@Injectable()
export class LoginThrottle implements OnModuleDestroy {
  private readonly redis: Redis;
  private readonly perAccount: RateLimiterRedis;
  private readonly perAddress: RateLimiterRedis;

  constructor(config: AppConfig) {
    this.redis = new Redis({ ...redisConnectionOptions(config.REDIS_URL), maxRetriesPerRequest: 1, enableOfflineQueue: false });
    this.redis.on('error', () => undefined); // surfaced as 503 by the calls below
    const window = config.LOGIN_LOCK_MINUTES * 60;
    this.perAccount = new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix: 'login-fail:account',
      points: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      duration: window,
      blockDuration: window,
    });
    this.perAddress = new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix: 'login-fail:address',
      points: config.LOGIN_MAX_FAILURES_PER_ADDRESS,
      duration: window,
      blockDuration: window,
    });
  }

  /** Throws 429 when the account or the address is locked. */
  async assertAllowed(email: string, address: string): Promise<void> {
    const [account, client] = await this.guard(() => Promise.all([this.perAccount.get(email), this.perAddress.get(address)]));
    const blocked = [
      [account, this.perAccount],
      [client, this.perAddress],
    ].find(([state, limiter]) => state && (state as RateLimiterRes).consumedPoints >= (limiter as RateLimiterRedis).points);
    if (blocked) throw tooMany((blocked[0] as RateLimiterRes).msBeforeNext);
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await this.guard(() =>
      Promise.all([this.perAccount.penalty(email), this.perAddress.penalty(address)]).then(() => undefined),
    );
  }

  async recordSuccess(email: string): Promise<void> {
    await this.guard(() => this.perAccount.delete(email).then(() => undefined));
  }

  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
  }

  private async guard<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof HttpException) throw error;
      throw new ServiceUnavailableException('Sign-in is temporarily unavailable');
    }
  }
}

function tooMany(msBeforeNext: number): HttpException {
  const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new HttpException(
    // No statusCode in the body: the exception filter then sends it as is, and turns retryAfter into Retry-After.
    { error: 'Too Many Requests', message: 'Too many failed sign-ins; try again later', retryAfter },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}
