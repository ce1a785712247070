import { containsPattern, SqlFilter } from './sql-filter';

describe('SqlFilter', () => {
  it('numbers placeholders in order and skips unset optional filters', () => {
    const filter = new SqlFilter().add('a = ?', 1).addIf(undefined, 'b = ?').addIf('x', 'c = ?').add('d BETWEEN ? AND ?', 2, 3);
    expect(filter.where).toBe('a = $1 AND c = $2 AND d BETWEEN $3 AND $4');
    expect(filter.params).toEqual([1, 'x', 2, 3]);
    expect([filter.placeholder(20), filter.placeholder(0)]).toEqual(['$5', '$6']);
  });

  it('escapes LIKE wildcards so user text matches literally', () => {
    expect(containsPattern('50%_Off')).toBe('%50\\%\\_off%');
  });
});
