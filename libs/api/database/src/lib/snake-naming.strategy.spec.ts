import { snakeCase, SnakeNamingStrategy } from './snake-naming.strategy';

describe('SnakeNamingStrategy', () => {
  const naming = new SnakeNamingStrategy();

  it('turns camelCase properties into snake_case columns', () => {
    expect(naming.columnName('organisationId', undefined as unknown as string, [])).toBe('organisation_id');
    expect(naming.columnName('createdAt', undefined as unknown as string, [])).toBe('created_at');
  });

  it('keeps an explicit column name and prefixes embedded columns', () => {
    expect(naming.columnName('x', 'custom_name', [])).toBe('custom_name');
    expect(naming.columnName('amountMinor', undefined as unknown as string, ['price'])).toBe('price_amount_minor');
  });

  it('names tables from class names unless given', () => {
    expect(naming.tableName('FundingRound', undefined)).toBe('funding_round');
    expect(naming.tableName('FundingRound', 'funding_rounds')).toBe('funding_rounds');
  });

  it('names join columns after the relation and the referenced column', () => {
    expect(naming.joinColumnName('organisation', 'id')).toBe('organisation_id');
  });
});

describe('snakeCase', () => {
  it('splits words at case changes and keeps acronyms together', () => {
    expect(snakeCase('organisationId')).toBe('organisation_id');
    expect(snakeCase('HTTPServer')).toBe('http_server');
    expect(snakeCase('kpi2Report')).toBe('kpi2_report');
    expect(snakeCase('already_snake')).toBe('already_snake');
  });
});
