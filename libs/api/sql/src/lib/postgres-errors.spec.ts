import { classifyDatabaseError, isUniqueViolation, pgCode } from './postgres-errors';

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

  describe('classifyDatabaseError', () => {
    /** The shape TypeORM throws: a QueryFailedError whose driverError is pg's DatabaseError. */
    const failed = (driverError: Record<string, string>) => ({ message: driverError['message'] ?? 'query failed', driverError });

    it('maps data exceptions (class 22) to 400, with the value PostgreSQL quotes', () => {
      expect(classifyDatabaseError(failed({ code: '22008', message: 'date/time field value out of range: "0000-01-01"' }))).toEqual({
        status: 400,
        kind: 'bad-datetime',
        column: undefined,
        value: '0000-01-01',
      });
      expect(classifyDatabaseError(failed({ code: '22003', message: 'value "100000000000000000000" is out of range for type bigint' }))).toMatchObject({
        status: 400,
        kind: 'out-of-range',
        value: '100000000000000000000',
      });
      expect(classifyDatabaseError(failed({ code: '22P02', message: 'invalid input syntax for type uuid: "abc"' }))).toMatchObject({ kind: 'malformed', value: 'abc' });
      expect(classifyDatabaseError(failed({ code: '22001', message: 'value too long for type character varying(200)' }))).toMatchObject({ status: 400, kind: 'too-long', value: undefined });
      expect(classifyDatabaseError(failed({ code: '22P05', message: 'unsupported Unicode escape sequence' }))).toMatchObject({ status: 400, kind: 'unstorable-text' });
      expect(classifyDatabaseError(failed({ code: '22021', message: 'invalid byte sequence for encoding "UTF8": 0x00' }))).toMatchObject({ status: 400, kind: 'unstorable-text' });
      expect(classifyDatabaseError(failed({ code: '22004', message: 'null value not allowed' }))).toMatchObject({ status: 400, kind: 'invalid-value' });
      // A data exception without its own entry is still the request's fault.
      expect(classifyDatabaseError(failed({ code: '22000', message: 'range lower bound must be less than or equal to range upper bound' }))).toMatchObject({ status: 400, kind: 'invalid-value' });
    });

    it('maps integrity errors (class 23) to 400, 404, 409 or 422, naming the column where PostgreSQL gives it', () => {
      expect(classifyDatabaseError(failed({ code: '23502', column: 'legal_name' }))).toEqual({ status: 400, kind: 'not-null', column: 'legal_name' });
      expect(classifyDatabaseError(failed({ code: '23505', detail: 'Key (organisation_id, siren)=(a, 123) already exists.' }))).toEqual({ status: 409, kind: 'unique', column: 'siren' });
      expect(classifyDatabaseError(failed({ code: '23503', detail: 'Key (organisation_id, site_id)=(a, b) is not present in table "sites".' }))).toEqual({
        status: 404,
        kind: 'missing-reference',
        column: 'site_id',
      });
      expect(classifyDatabaseError(failed({ code: '23503', detail: 'Key (id)=(b) is still referenced from table "leases".' }))).toEqual({ status: 409, kind: 'still-referenced' });
      expect(classifyDatabaseError(failed({ code: '23514', constraint: 'cohorts_dates_check' }))).toEqual({ status: 422, kind: 'check', constraint: 'cohorts_dates_check' });
      expect(classifyDatabaseError(failed({ code: '23P01' }))).toEqual({ status: 409, kind: 'exclusion' });
      expect(classifyDatabaseError(failed({ code: '23001' }))).toMatchObject({ status: 409, kind: 'integrity' });
      // A key of the tenant column alone is still named.
      expect(classifyDatabaseError({ code: '23505', detail: 'Key (organisation_id)=(a) already exists.' })).toMatchObject({ column: 'organisation_id' });
    });

    it('leaves every other error alone: it is no fault of the request', () => {
      expect(classifyDatabaseError(failed({ code: '42P01', message: 'relation "x" does not exist' }))).toBeUndefined();
      expect(classifyDatabaseError(failed({ code: '40001' }))).toBeUndefined();
      expect(classifyDatabaseError({ code: 'ECONNREFUSED' })).toBeUndefined();
      expect(classifyDatabaseError(new Error('boom'))).toBeUndefined();
      expect(classifyDatabaseError(undefined)).toBeUndefined();
    });
  });
});
