import { eurCents, formatMinorUnits, parseMinorUnits } from './funding';

describe('money in minor units', () => {
  it('parses decimal amounts exactly, refusing more decimals than the currency has', () => {
    expect(parseMinorUnits('1500000.50', 2)).toBe(150000050n);
    expect(parseMinorUnits('0.1', 2)).toBe(10n);
    expect(parseMinorUnits('12', 2)).toBe(1200n);
    expect(parseMinorUnits('1.001', 2)).toBeNull();
    expect(parseMinorUnits('1000', 0)).toBe(1000n);
    expect(parseMinorUnits('1000.5', 0)).toBeNull();
    expect(parseMinorUnits('-5', 2)).toBeNull();
    expect(parseMinorUnits('1e6', 2)).toBeNull();
  });

  it('formats minor units back with the currency’s decimals', () => {
    expect(formatMinorUnits(150000050n, 2)).toBe('1500000.50');
    expect(formatMinorUnits('7', 2)).toBe('0.07');
    expect(formatMinorUnits(1000, 0)).toBe('1000');
    expect(formatMinorUnits(-250n, 2)).toBe('-2.50');
  });

  it('converts to EUR cents with integers, rounding half up', () => {
    expect(eurCents(100000n, 2, '1')).toBe(100000n);
    // 1000.00 USD at 0.92345678 = 923.45678 EUR → 923.46
    expect(eurCents(100000n, 2, '0.92345678')).toBe(92346n);
    // 0.05 GBP at 1.1 = 0.055 EUR → half up → 0.06
    expect(eurCents(5n, 2, '1.1')).toBe(6n);
    // 1,000,000 JPY (no minor unit) at 0.0061 = 6100.00 EUR
    expect(eurCents(1000000n, 0, '0.0061')).toBe(610000n);
    // Larger than a double represents exactly: 9,007,199,254,740.993 → still exact
    expect(eurCents(900719925474099n, 2, '1')).toBe(900719925474099n);
  });
});
