import { centsToEuros, eurosToCents, formatCents } from './money';

describe('money', () => {
  it('reads euros as exact cents, with a comma or a point', () => {
    expect(eurosToCents('15,50')).toBe(1550);
    expect(eurosToCents('15.5')).toBe(1550);
    expect(eurosToCents('15')).toBe(1500);
    expect(eurosToCents(' 0,07 ')).toBe(7);
    // 1.15 × 100 is 114.99999999999999 in floating point.
    expect(eurosToCents('1.15')).toBe(115);
    expect(eurosToCents('4.35')).toBe(435);
  });

  it('refuses what is not an amount', () => {
    expect(eurosToCents('')).toBeNull();
    expect(eurosToCents('15,555')).toBeNull();
    expect(eurosToCents('-3')).toBeNull();
    expect(eurosToCents('abc')).toBeNull();
  });

  it('writes cents back as euros for a field', () => {
    expect(centsToEuros(1550)).toBe('15.50');
    expect(centsToEuros(7)).toBe('0.07');
    expect(eurosToCents(centsToEuros(123456))).toBe(123456);
    // In a French form the amount is written with a decimal comma, and reads back the same.
    expect(centsToEuros(1850, 'fr')).toBe('18,50');
    expect(eurosToCents(centsToEuros(5, 'fr'))).toBe(5);
  });

  it("formats cents as money in the user's language", () => {
    expect(formatCents(111600, 'en')).toBe('€1,116.00');
    expect(formatCents(155, 'fr').replace(/\s/g, ' ')).toBe('1,55 €');
  });
});
