import { isUniqueViolation, pgCode } from './postgres-errors';

describe('PostgreSQL error codes', () => {
  it('reads the code of a pg error and of a TypeORM QueryFailedError wrapping one', () => {
    expect(pgCode({ code: '23P01' })).toBe('23P01');
    expect(pgCode({ message: 'query failed', driverError: { code: '23505' } })).toBe('23505');
    expect(pgCode(new Error('no code'))).toBeUndefined();
    expect(pgCode(undefined)).toBeUndefined();
  });

  it('recognises a unique violation only', () => {
    expect(isUniqueViolation({ driverError: { code: '23505' } })).toBe(true);
    expect(isUniqueViolation({ code: '23503' })).toBe(false);
  });
});
