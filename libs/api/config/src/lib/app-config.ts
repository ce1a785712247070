import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min, MinLength, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;

/** How the worker delivers mail (see AppConfig.MAIL_TRANSPORT). */
export const MAIL_TRANSPORTS = ['smtp', 'log'] as const;
export type MailTransport = (typeof MAIL_TRANSPORTS)[number];

/** How the api and the worker write their logs (see AppConfig.LOG_FORMAT). */
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

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

  /**
   * Migrations' connection: the schema owner's, straight to PostgreSQL. Its migration lock is a session-level
   * advisory lock, which a transaction pooler would leave on a server connection another client then gets.
   * Unset: DATABASE_URL.
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_MIGRATION_URL?: string;

  /**
   * What sits between DATABASE_URL and PostgreSQL. `transaction`: a pooler in transaction mode (PgBouncer
   * `pool_mode = transaction`), which hands the server connection to another client after each transaction,
   * so no statement may leave state on it — the hot reads, otherwise named prepared statements, then run
   * unnamed. `none` (a direct connection) or `session` (session pooling) keep them.
   */
  @IsIn(['none', 'session', 'transaction'])
  DATABASE_POOLING: 'none' | 'session' | 'transaction' = 'none';

  /**
   * Redis itself, or with REDIS_SENTINELS only its password, user, database and TLS (the host is then
   * whichever the Sentinels name as primary).
   */
  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL!: string;

  /**
   * Redis under Sentinel: the Sentinels, `host:port` separated by commas. Every connection (queues, worker,
   * rate limits, sign-in throttle, health) asks them for the primary and, after a failover, for the new one.
   */
  @IsOptional()
  @Matches(/^\s*[^\s,:]+:\d{1,5}\s*(,\s*[^\s,:]+:\d{1,5}\s*)*$/, { message: 'must be host:port pairs separated by commas' })
  REDIS_SENTINELS?: string;

  /** The primary's name in the Sentinels' configuration (`sentinel monitor <name> …`). */
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'must be a Sentinel master name (letters, digits, . _ -)' })
  REDIS_SENTINEL_MASTER = 'mymaster';

  /** The Sentinels' own password (`requirepass` of sentinel.conf), when they ask for one. */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  REDIS_SENTINEL_PASSWORD?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /**
   * `json`: one JSON object per line (production: what log collectors read). `pretty`: one short
   * human-readable line per request or message (`npm start` in development).
   */
  @IsIn(LOG_FORMATS)
  LOG_FORMAT: LogFormat = 'json';

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

  /**
   * Sign-in attempts of one account from one address before that pair (only) is locked for
   * LOGIN_LOCK_MINUTES: an attacker cannot lock the real user out from another address.
   */
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

  /** Failures of an account (from any address) before each further attempt on it is delayed. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1_000)
  LOGIN_DELAY_AFTER_FAILURES = 3;

  /** The first delay (ms); it doubles with each further failure, up to LOGIN_DELAY_MAX_MS. 0 = no delay. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60_000)
  LOGIN_DELAY_BASE_MS = 500;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60_000)
  LOGIN_DELAY_MAX_MS = 10_000;

  /** The window (s) of the route rate limits below, counted in Redis for every api replica together. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  RATE_LIMIT_WINDOW_SECONDS = 60;

  /** Sign-in requests per client address per window, successful or not (failures are also throttled above). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_SIGN_IN = 20;

  /** Password reset requests and confirmations per client address per window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PASSWORD_RESET = 5;

  /** Invitations sent per member, and invitation acceptances per client address, per window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_INVITATIONS = 20;

  /** CSV/XLSX exports per member per window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_EXPORTS = 30;

  /** KPI CSV imports (dry runs included) per member per window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_IMPORTS = 10;

  /** Report runs requested (regenerations included) per member per window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_REPORTS = 10;

  /** Board dashboard quarters read per member per window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_BOARD = 120;

  /** Which proxies to trust for the client address (Express "trust proxy"), e.g. `loopback`. */
  @IsString()
  TRUST_PROXY = 'loopback, uniquelocal';

  /** SMTP server for outgoing mail, e.g. smtp://user:pass@mail:587. Required in production. */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /**
   * `smtp` sends through SMTP_URL; `log` (development and tests only) sends nothing and writes the
   * recipient, subject and template of each mail to the worker log — never its body, whose links carry
   * invitation and reset tokens. Unset: `smtp` when SMTP_URL is set, `log` otherwise. loadConfig fills it in.
   */
  @IsOptional()
  @IsIn(MAIL_TRANSPORTS)
  MAIL_TRANSPORT!: MailTransport;

  /**
   * With MAIL_TRANSPORT=log, a folder where the worker writes each mail whole (links included) as a
   * `.eml` file, so a developer can follow an invitation: a file on their machine, not a log line.
   * `npm start` sets it to `.data/mail`. Refused in production.
   */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  MAIL_OUTBOX_DIR?: string;

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

  /**
   * The OpenAPI UI and JSON at /api/docs: `auto` serves them except in production, where they would map
   * every route for anyone; `on` / `off` decide regardless of NODE_ENV.
   */
  @IsIn(['auto', 'on', 'off'])
  API_DOCS: 'auto' | 'on' | 'off' = 'auto';
}

/** Whether the api serves its OpenAPI UI and JSON (API_DOCS). */
export function apiDocsEnabled(config: Pick<AppConfig, 'API_DOCS' | 'NODE_ENV'>): boolean {
  return config.API_DOCS === 'auto' ? config.NODE_ENV !== 'production' : config.API_DOCS === 'on';
}

/** Variables without a default (so absent from `new AppConfig()`'s keys), read all the same. */
const REQUIRED = ['DATABASE_URL', 'DATABASE_MIGRATION_URL', 'REDIS_URL', 'REDIS_SENTINELS', 'REDIS_SENTINEL_PASSWORD', 'JWT_SECRET', 'SMTP_URL', 'MAIL_TRANSPORT', 'MAIL_OUTBOX_DIR'];

/**
 * Variables whose value may hold a secret (a password inside a URL, a signing key): a ConfigError
 * names them but never quotes them, since start-up errors end up in logs and CI output.
 */
const SECRET_BEARING = /SECRET|PASSWORD|TOKEN|_KEY$|_URL$/;
const NOT_SECRET = new Set(['PUBLIC_WEB_URL']);

function describeGiven(key: string, value: string | undefined): string {
  if (value === undefined) return 'missing';
  if (!SECRET_BEARING.test(key) || NOT_SECRET.has(key)) return `got "${value}"`;
  // The scheme is the usual mistake in a URL and holds nothing secret.
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(value)?.[0];
  return `value not shown: ${value.length} characters${scheme ? `, scheme "${scheme}"` : ''}`;
}

/** Rules between variables, which class-validator's per-property checks cannot express. */
function mailTransportProblems(config: AppConfig, smtpUrlInvalid: boolean): string[] {
  const production = config.NODE_ENV === 'production';
  if (production && config.MAIL_OUTBOX_DIR) return ['MAIL_OUTBOX_DIR must not be set in production: it writes mails, links included, to disk'];
  if (production && config.MAIL_TRANSPORT === 'log') {
    return ['MAIL_TRANSPORT must not be "log" in production: mail bodies carry live links, which must never reach a log (set SMTP_URL)'];
  }
  if (config.SMTP_URL !== undefined || smtpUrlInvalid) return [];
  if (production) return ['SMTP_URL is required in production (MAIL_TRANSPORT=log is for development and tests only) (missing)'];
  if (config.MAIL_TRANSPORT === 'smtp') return ['SMTP_URL is required when MAIL_TRANSPORT is smtp (missing)'];
  return [];
}

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
  const problems = [
    ...errors.map((e) => {
      const given = describeGiven(e.property, raw[e.property]);
      // class-validator's own messages start with the name; ours don't: say it once.
      const expected = Object.values(e.constraints ?? {}).map((m) => m.replace(new RegExp(`^${e.property} `), ''));
      return `${e.property} ${expected.join('; ')} (${given})`;
    }),
    ...mailTransportProblems(config, errors.some((e) => e.property === 'SMTP_URL')),
  ];
  if (problems.length > 0) throw new ConfigError(problems);
  config.MAIL_TRANSPORT ??= config.SMTP_URL === undefined ? 'log' : 'smtp';
  return Object.freeze(config);
}
