import { ArgumentsHost, Logger, LoggerService } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ApiExceptionFilter } from './api-exception.filter';
import { defineErrors } from '@incubator/api/errors';

/** What pg's DatabaseError carries: the values of the row are in `detail`, never needed in a log. */
function pgError(message: string, fields: Record<string, string>): Error {
  return Object.assign(new Error(message), { severity: 'ERROR', ...fields });
}

const PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';
const RESET_TOKEN = 'reset-token-value-that-must-not-be-logged-x';

function answer(filter: ApiExceptionFilter, exception: unknown): { status?: number; body?: unknown; headers?: Record<string, string> } {
  const sent: { status?: number; body?: unknown; headers?: Record<string, string> } = {};
  const response = {
    status(code: number) {
      sent.status = code;
      return response;
    },
    json(body: unknown) {
      sent.body = body;
    },
    setHeader(name: string, value: string) {
      sent.headers = { ...sent.headers, [name]: value };
    },
  };
  const request = { id: 'req-1', headers: { 'accept-language': 'en' }, body: { email: 'alice@example.test' }, query: {} };
  const host = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }) } as unknown as ArgumentsHost;
  filter.catch(exception, host);
  return sent;
}

describe('ApiExceptionFilter: database errors in the log', () => {
  let lines: string[];
  beforeEach(() => {
    lines = [];
    const capture = (...args: unknown[]) => void lines.push(JSON.stringify(args, (_key, value) => (value instanceof Error ? { ...value, message: value.message, stack: value.stack } : value)));
    const logger: LoggerService = { log: capture, error: capture, warn: capture, debug: capture, verbose: capture, fatal: capture };
    Logger.overrideLogger(logger);
  });
  afterEach(() => Logger.overrideLogger(false));

  it('logs a refused write with its SQLSTATE, constraint, table and query, without its parameters or row values', () => {
    const error = new QueryFailedError(
      'INSERT INTO users (email, password_hash, reset_token) VALUES ($1, $2, $3)',
      ['alice@example.test', PASSWORD_HASH, RESET_TOKEN],
      pgError('duplicate key value violates unique constraint "users_email_key"', {
        code: '23505',
        detail: 'Key (email)=(alice@example.test) already exists.',
        constraint: 'users_email_key',
        table: 'users',
        schema: 'public',
      }),
    );
    expect(answer(new ApiExceptionFilter(), error).status).toBe(409);

    const log = lines.join('\n');
    expect(log).toContain('23505');
    expect(log).toContain('users_email_key');
    expect(log).toContain('"table":"users"');
    expect(log).toContain('INSERT INTO users (email, password_hash, reset_token)');
    expect(log).not.toContain(PASSWORD_HASH);
    expect(log).not.toContain(RESET_TOKEN);
    expect(log).not.toContain('alice@example.test');
  });

  it('logs an unexpected database error (500) the same way, and masks the value PostgreSQL quotes in a data error', () => {
    const missingColumn = new QueryFailedError(
      'UPDATE users SET password_hash = $1 WHERE id = $2 AND no_such = $3',
      [PASSWORD_HASH, 'b5a1', RESET_TOKEN],
      pgError('column "no_such" does not exist', { code: '42703' }),
    );
    expect(answer(new ApiExceptionFilter(), missingColumn).status).toBe(500);
    const dataError = new QueryFailedError(
      'SELECT * FROM invitations WHERE token_hash = $1',
      [RESET_TOKEN],
      pgError(`invalid input syntax for type uuid: "${RESET_TOKEN}"`, { code: '22P02' }),
    );
    answer(new ApiExceptionFilter(), dataError);

    const log = lines.join('\n');
    expect(log).toContain('42703');
    expect(log).toContain('column \\"no_such\\" does not exist');
    expect(log).toContain('22P02');
    expect(log).toContain('invalid input syntax for type uuid');
    expect(log).not.toContain(PASSWORD_HASH);
    expect(log).not.toContain(RESET_TOKEN);
  });
});

describe('ApiExceptionFilter: domain errors', () => {
  it('answers a service’s catalogue code with its status, the text in the caller’s language and its details', () => {
    const Errors = defineErrors('filter_sample', {
      full: { status: 409, message: { fr: 'La promotion {name} est complète.', en: 'Cohort {name} is full.' } },
    });
    const sent = answer(new ApiExceptionFilter(), Errors.full({ name: 'Promo 2027', cohortId: 'c1' }));
    expect(sent).toEqual({
      status: 409,
      body: { statusCode: 409, error: 'Conflict', code: 'filter_sample.full', message: 'Cohort Promo 2027 is full.', details: { name: 'Promo 2027', cohortId: 'c1' }, requestId: 'req-1' },
    });
  });

  it('turns a retryAfter detail (a throttle) into the Retry-After header', () => {
    const Errors = defineErrors('filter_sample_throttle', {
      slow_down: { status: 429, message: { fr: 'Réessayez plus tard.', en: 'Try again later.' } },
    });
    const sent = answer(new ApiExceptionFilter(), Errors.slow_down({ retryAfter: 42 }));
    expect(sent.status).toBe(429);
    expect(sent.headers).toEqual({ 'Retry-After': '42' });
  });
});
