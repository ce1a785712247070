/**
 * What of an error may be written to the log. A database error (TypeORM's QueryFailedError, or pg's
 * own) carries the query's `parameters` and PostgreSQL's `detail` ("Key (email)=(…) already exists"):
 * password hashes, token hashes, personal data. The log keeps what a developer needs to find the
 * fault — SQLSTATE, constraint, table, column, the query text — and none of the values. Other errors
 * pass through unchanged (pino's serializer renders them).
 */
export function loggableError(error: unknown): unknown {
  if (!isDatabaseError(error)) return error;
  const e = error as DatabaseErrorShape;
  const fields = { ...e.driverError, ...withoutUndefined(e) };
  const code = fields.code;
  return withoutUndefined({
    type: e.name ?? 'DatabaseError',
    code,
    message: safeMessage(code, e.message ?? fields.message),
    constraint: fields.constraint,
    schema: fields.schema,
    table: fields.table,
    column: fields.column,
    dataType: fields.dataType,
    routine: fields.routine,
    query: typeof e.query === 'string' ? e.query.slice(0, 4_000) : undefined,
    // The first line repeats the message; the frames say where the query came from.
    stack: e.stack?.split('\n').slice(1).join('\n'),
  });
}

interface DatabaseErrorShape {
  name?: string;
  message?: string;
  stack?: string;
  query?: unknown;
  code?: string;
  constraint?: string;
  schema?: string;
  table?: string;
  column?: string;
  dataType?: string;
  routine?: string;
  driverError?: Omit<DatabaseErrorShape, 'driverError'>;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

function isDatabaseError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as DatabaseErrorShape & { parameters?: unknown; severity?: unknown };
  return 'parameters' in e || 'driverError' in e || (typeof e.code === 'string' && SQLSTATE.test(e.code) && 'severity' in e);
}

/**
 * In data exceptions (SQLSTATE class 22) PostgreSQL quotes the offending value
 * (`invalid input syntax for type uuid: "…"`): mask the quotes there. Elsewhere quotes hold names
 * (constraint, column), which are what a reader needs.
 */
function safeMessage(code: string | undefined, message: string | undefined): string | undefined {
  if (message === undefined || !code?.startsWith('22')) return message;
  return message.replace(/"[^"]*"/g, '"[REDACTED]"');
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
