import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUrl, Matches, Max, Min, validateSync } from 'class-validator';

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

  /** Cron expression (UTC) of the worker's heartbeat job. */
  @IsString()
  @Matches(/^(\S+\s+){4,5}\S+$/, { message: 'must be a cron expression of 5 or 6 fields' })
  HEARTBEAT_CRON = '*/5 * * * *';
}

const REQUIRED = ['DATABASE_URL', 'REDIS_URL'];

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
        return `${e.property} ${Object.values(e.constraints ?? {}).join('; ')} (${given})`;
      }),
    );
  }
  return Object.freeze(config);
}
