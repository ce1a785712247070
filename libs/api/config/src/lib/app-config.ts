import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min, MinLength, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;

/**
 * The whole configuration of the api and the worker, read from the environment once at start-up.
 * Every variable is listed, with a comment, in `.env.example`.
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  API_PORT = 3000;

  /**
   * Processes serving the API on API_PORT (node:cluster). One Node process runs its JavaScript on one
   * core; on a machine of N cores shared with nothing else, N is the usual choice.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  API_PROCESSES = 1;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL!: string;

  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL!: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Public address of the web client, used in links sent by email. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PUBLIC_WEB_URL = 'http://localhost:4200';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  WORKER_CONCURRENCY = 4;

  /** Secret that signs access tokens: at least 32 random characters, the same for every api replica. */
  @IsString()
  @MinLength(32)
  JWT_SECRET!: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86_400)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(720)
  INVITATION_TTL_HOURS = 168;

  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(1_440)
  PASSWORD_RESET_TTL_MINUTES = 60;

  /** Failed logins of one account before it is locked for LOGIN_LOCK_MINUTES. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_ACCOUNT = 5;

  /** Failed logins from one address (any account) before it is locked for LOGIN_LOCK_MINUTES. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_ADDRESS = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_440)
  LOGIN_LOCK_MINUTES = 15;

  /** Which proxies to trust for the client address (Express "trust proxy"), e.g. `loopback`. */
  @IsString()
  TRUST_PROXY = 'loopback, uniquelocal';

  /** SMTP server for outgoing mail, e.g. smtp://user:pass@mail:587. Unset: mail is written to the worker log. */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  @MaxLength(200)
  MAIL_FROM = 'Incubator <no-reply@incubator.local>';

  /** Hours a startup has to confirm an office offered from the waitlist. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(720)
  WAITLIST_OFFER_TTL_HOURS = 48;

  /** Cron expression (UTC) of the worker's heartbeat job. */
  @IsString()
  @Matches(/^(\S+\s+){4,5}\S+$/, { message: 'must be a cron expression of 5 or 6 fields' })
  HEARTBEAT_CRON = '*/5 * * * *';

  /**
   * How long a worker holds a report job before BullMQ considers it stalled (the worker died) and
   * hands it to another worker, in ms. Also the interval of the stalled-job check.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1_000)
  @Max(600_000)
  REPORT_LOCK_MS = 30_000;

  /** Testing aid: pause between a report's steps (ms) so a test can kill the worker mid-run. Keep 0. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60_000)
  REPORT_STEP_DELAY_MS = 0;

  /** How long the board dashboard keeps a quarter's figures before computing them again, in seconds (0 = never kept). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(86_400)
  BOARD_DASHBOARD_TTL_SECONDS = 300;
}

const REQUIRED = ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'SMTP_URL'];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the configuration. Throws a ConfigError naming every bad or missing variable
 * and what was expected, so a misconfigured process stops at once with a useful message.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, string> = {};
  for (const key of [...Object.keys(new AppConfig()), ...REQUIRED]) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(AppConfig, raw);
  const errors = validateSync(config);
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map((e) => {
        const given = raw[e.property] === undefined ? 'missing' : `got "${raw[e.property]}"`;
        // class-validator's own messages start with the name; ours don't: say it once.
        const expected = Object.values(e.constraints ?? {}).map((m) => m.replace(new RegExp(`^${e.property} `), ''));
        return `${e.property} ${expected.join('; ')} (${given})`;
      }),
    );
  }
  return Object.freeze(config);
}
