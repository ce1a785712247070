/** PostgreSQL error codes the services turn into 409s (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
export const UNIQUE_VIOLATION = '23505';
export const EXCLUSION_VIOLATION = '23P01';

/** The SQLSTATE of an error from pg, or of the driver error TypeORM wraps. */
export function pgCode(error: unknown): string | undefined {
  const e = error as { code?: string; driverError?: { code?: string } } | null | undefined;
  return e?.code ?? e?.driverError?.code;
}

export function isUniqueViolation(error: unknown): boolean {
  return pgCode(error) === UNIQUE_VIOLATION;
}

/**
 * What a refusal by PostgreSQL means for the client, from its SQLSTATE
 * (https://www.postgresql.org/docs/current/errcodes-appendix.html):
 * - class 22, data exception: the request carried a value the column cannot hold → 400;
 * - 23502 not null → 400 (a required value is missing);
 * - 23505 unique and 23P01 exclusion → 409 (it clashes with a row that exists);
 * - 23503 foreign key on insert/update → 404: the referenced row does not exist *for this organisation*
 *   (tenant tables reference each other by (organisation_id, id)), which is what the API answers for a
 *   foreign id everywhere else, and a 422 would tell a prober that the id exists elsewhere;
 *   on delete ("still referenced") → 409;
 * - 23514 check → 422: every value is well-formed but together they break a rule of the data;
 * - the rest of class 23 → 409.
 * Anything else is no refusal of the request: undefined, a 500 for the caller to log.
 */
export type DatabaseRefusal =
  | { status: 400; kind: DataProblem; column?: string; value?: string }
  | { status: 400; kind: 'not-null'; column?: string }
  | { status: 404; kind: 'missing-reference'; column?: string }
  | { status: 409; kind: 'unique' | 'still-referenced' | 'exclusion' | 'integrity'; column?: string }
  | { status: 422; kind: 'check'; constraint?: string };

export type DataProblem = 'too-long' | 'out-of-range' | 'bad-datetime' | 'malformed' | 'unstorable-text' | 'invalid-value';

interface PgFields {
  code?: string;
  column?: string;
  detail?: string;
  message?: string;
  constraint?: string;
}

/** The fields of a pg error, whether it is the driver's error or TypeORM's QueryFailedError around one. */
function pgFields(error: unknown): PgFields {
  const e = (error ?? {}) as PgFields & { driverError?: PgFields };
  const driver = e.driverError ?? {};
  return {
    code: pgCode(error),
    column: driver.column ?? e.column,
    detail: driver.detail ?? e.detail,
    message: driver.message ?? e.message,
    constraint: driver.constraint ?? e.constraint,
  };
}

const DATA_PROBLEMS: Record<string, DataProblem> = {
  '22001': 'too-long', // string_data_right_truncation
  '22003': 'out-of-range', // numeric_value_out_of_range
  '22007': 'bad-datetime', // invalid_datetime_format
  '22008': 'bad-datetime', // datetime_field_overflow
  '22009': 'bad-datetime', // invalid_time_zone_displacement_value
  '22P02': 'malformed', // invalid_text_representation
  '22P05': 'unstorable-text', // untranslatable_character (e.g. \u0000 in jsonb)
  '22021': 'unstorable-text', // character_not_in_repertoire (NUL in text)
  '22004': 'invalid-value', // null_value_not_allowed
};

/**
 * The column a refusal is about, when PostgreSQL says: `column` (not null), or the key of a
 * unique/foreign-key detail, "Key (organisation_id, site_id)=(…)", whose last column other than the
 * tenant's is the one the client chose.
 */
function columnOf(fields: PgFields): string | undefined {
  if (fields.column) return fields.column;
  const key = /^Key \(([^)]+)\)=/.exec(fields.detail ?? '')?.[1];
  if (!key) return undefined;
  const columns = key.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  return columns.filter((c) => c !== 'organisation_id').pop() ?? columns.pop();
}

/** The input PostgreSQL quotes in a data exception: `invalid input syntax for type uuid: "x"`, `value "1e+20" is out of range…`. */
function quotedValue(message: string | undefined): string | undefined {
  if (!message) return undefined;
  return (/: "(.*)"$/s.exec(message) ?? /^value "(.*)" is out of range/s.exec(message))?.[1];
}

export function classifyDatabaseError(error: unknown): DatabaseRefusal | undefined {
  const fields = pgFields(error);
  const code = fields.code;
  if (!code || !/^2[23][0-9A-Z]{3}$/.test(code)) return undefined;
  const column = columnOf(fields);
  if (code.startsWith('22')) return { status: 400, kind: DATA_PROBLEMS[code] ?? 'invalid-value', column, value: quotedValue(fields.message) };
  switch (code) {
    case '23502':
      return { status: 400, kind: 'not-null', column };
    case UNIQUE_VIOLATION:
      return { status: 409, kind: 'unique', column };
    case EXCLUSION_VIOLATION:
      return { status: 409, kind: 'exclusion' };
    case '23503':
      return /is still referenced/.test(fields.detail ?? '') ? { status: 409, kind: 'still-referenced' } : { status: 404, kind: 'missing-reference', column };
    case '23514':
      return { status: 422, kind: 'check', constraint: fields.constraint };
    default:
      return { status: 409, kind: 'integrity', column };
  }
}
