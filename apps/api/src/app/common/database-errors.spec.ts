import { databaseErrorBody, pathHolding } from './database-errors';

describe('database errors answered as the request fault', () => {
  const failed = (driverError: Record<string, string>) => ({ message: driverError['message'] ?? 'query failed', driverError });

  it('names the field from the column PostgreSQL gives, in the caller language', () => {
    expect(databaseErrorBody(failed({ code: '23502', column: 'legal_name' }), 'fr', {})).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Une valeur obligatoire manque.',
      fields: { legalName: ['le champ legalName est obligatoire'] },
    });
    expect(databaseErrorBody(failed({ code: '23503', detail: 'Key (organisation_id, site_id)=(a, b) is not present in table "sites".' }), 'en', {})).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'An item the request refers to does not exist.',
      fields: { siteId: ['siteId refers to an item that does not exist'] },
    });
  });

  it('finds the field holding the value PostgreSQL quotes, in the body or the query', () => {
    const body = databaseErrorBody(failed({ code: '22008', message: 'date/time field value out of range: "0000-01-01"' }), 'en', {
      body: { name: 'x', rounds: [{ closedOn: '0000-01-01' }] },
    });
    expect(body?.statusCode).toBe(400);
    expect(body?.fields).toEqual({ 'rounds.0.closedOn': ['rounds.0.closedOn is not a valid date or time'] });
    const query = databaseErrorBody(failed({ code: '22003', message: 'value "100000000000000000000" is out of range for type bigint' }), 'fr', {
      query: { offset: '99999999999999999999' },
    });
    expect(query?.fields).toEqual({ offset: ['le champ offset est hors des limites autorisées'] });
  });

  it('answers without a field rather than a wrong one, and leaves other errors to the 500', () => {
    expect(databaseErrorBody(failed({ code: '22001', message: 'value too long for type character varying(200)' }), 'en', { body: { a: 'b' } })).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'The request holds a value the database cannot store.',
    });
    expect(databaseErrorBody(failed({ code: '23514', constraint: 'x_check' }), 'fr', {})?.statusCode).toBe(422);
    expect(databaseErrorBody(failed({ code: '42703', message: 'column "x" does not exist' }), 'fr', {})).toBeUndefined();
    expect(pathHolding({ a: { b: 'c' } }, 'd')).toBeUndefined();
    expect(pathHolding({ a: '' }, '')).toBe('a');
  });
});
