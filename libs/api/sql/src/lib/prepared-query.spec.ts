import type { DataSource } from 'typeorm';
import { keepsSessionState, statementName, TRANSACTION_POOLING } from './prepared-query';

describe('statementName', () => {
  it('names the same text the same way and different texts differently, within PostgreSQL’s 63 bytes', () => {
    const a = statementName('SELECT 1');
    expect(statementName('SELECT 1')).toBe(a);
    expect(statementName('SELECT 2')).not.toBe(a);
    expect(a).toMatch(/^q[0-9a-f]{24}$/);
  });
});

describe('keepsSessionState', () => {
  const dataSource = (extra?: Record<string, unknown>) => ({ options: { extra } }) as unknown as DataSource;

  it('allows named statements unless the DataSource is marked as behind a transaction pooler', () => {
    expect(keepsSessionState(dataSource())).toBe(true);
    expect(keepsSessionState(dataSource({ max: 10 }))).toBe(true);
    expect(keepsSessionState(dataSource({ [TRANSACTION_POOLING]: true }))).toBe(false);
  });
});
