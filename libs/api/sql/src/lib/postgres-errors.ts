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
