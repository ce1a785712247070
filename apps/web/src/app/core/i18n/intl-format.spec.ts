import { dateTimeFormat, numberFormat } from './intl-format';

describe('intl-format', () => {
  it('formats like a new Intl formatter, in the language and with the options given', () => {
    expect(numberFormat('fr', { maximumFractionDigits: 1 }).format(1234.56)).toBe(new Intl.NumberFormat('fr', { maximumFractionDigits: 1 }).format(1234.56));
    expect(numberFormat('en').format(1234.5)).toBe('1,234.5');
    const day = new Date(Date.UTC(2026, 8, 30));
    expect(dateTimeFormat('fr', { dateStyle: 'long', timeZone: 'UTC' }).format(day)).toBe('30 septembre 2026');
    expect(dateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(day)).toBe('September 30, 2026');
  });

  it('makes one formatter per language and options, and another for other options', () => {
    expect(numberFormat('fr', { style: 'percent' })).toBe(numberFormat('fr', { style: 'percent' }));
    expect(numberFormat('fr', { style: 'percent' })).not.toBe(numberFormat('en', { style: 'percent' }));
    expect(numberFormat('fr', { style: 'percent' })).not.toBe(numberFormat('fr'));
    expect(dateTimeFormat('en', { dateStyle: 'medium' })).toBe(dateTimeFormat('en', { dateStyle: 'medium' }));
  });
});
