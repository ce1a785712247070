import { FormControl } from '@angular/forms';
import { Currency } from '@incubator/contracts';
import { amountIn, exchangeRate, formatAmount, formatEuros, normaliseDecimal } from './amounts';

describe('amounts', () => {
  it('formats decimal strings as money in the user language', () => {
    expect(formatAmount('1500000.50', 'EUR', 'en')).toBe('€1,500,000.50');
    expect(formatAmount('1500000.50', 'EUR', 'fr').replace(/\s/g, ' ')).toBe('1 500 000,50 €');
    expect(formatAmount('200000', 'JPY', 'en')).toBe('¥200,000');
    expect(formatAmount(null, 'EUR', 'en')).toBe('—');
    expect(formatEuros('1250000.40', 'en')).toBe('€1,250,000');
    expect(formatEuros(null, 'en')).toBe('—');
  });

  it('reads what users type as decimal strings', () => {
    expect(normaliseDecimal('1 500 000,50')).toBe('1500000.50');
  });

  it("accepts positive amounts with no more decimals than the currency's", () => {
    let currency: Currency = 'EUR';
    const control = new FormControl('', { nonNullable: true, validators: amountIn(() => currency) });
    const check = (value: string) => {
      control.setValue(value);
      return control.errors;
    };

    expect(check('')).toBeNull();
    expect(check('1500000,50')).toBeNull();
    expect(check('1500000.505')).toEqual({ amount: true });
    expect(check('0')).toEqual({ amount: true });
    expect(check('-5')).toEqual({ amount: true });
    currency = 'JPY';
    expect(check('1500.5')).toEqual({ amount: true });
    expect(check('1500')).toBeNull();
  });

  it('accepts positive exchange rates', () => {
    const check = (value: string) => exchangeRate(new FormControl(value));
    expect(check('0,92')).toBeNull();
    expect(check('0')).toEqual({ rate: true });
    expect(check('abc')).toEqual({ rate: true });
  });
});
