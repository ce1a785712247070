import { FormControl } from '@angular/forms';
import { billingLabels, centsToInput, euros, formatCents, formatDay, formatPeriod, parseEuros, quarterMonths } from './billing-format';

// Intl writes French groups and the € with narrow or plain no-break spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('billing money and dates', () => {
  it('reads euros into exact cents', () => {
    expect(parseEuros('1234,56')).toBe(123456);
    expect(parseEuros('1 234,56')).toBe(123456);
    expect(parseEuros('1\u202f234,5 €'.replace(' ', ''))).toBe(123450);
    expect(parseEuros('0.1')).toBe(10);
    expect(parseEuros('19.99')).toBe(1999);
    expect(parseEuros('1005.07')).toBe(100507);
    expect(parseEuros('15')).toBe(1500);
  });

  it('refuses what is not an amount, and a minus sign unless signed', () => {
    expect(parseEuros('12,345')).toBeNull();
    expect(parseEuros('abc')).toBeNull();
    expect(parseEuros('')).toBeNull();
    expect(parseEuros('-15,50')).toBeNull();
    expect(parseEuros('-15,50', true)).toBe(-1550);
  });

  it('validates an amount field (zero refused unless allowed)', () => {
    expect(euros()(new FormControl('12,30'))).toBeNull();
    expect(euros()(new FormControl('0'))).toEqual({ decimal: true });
    expect(euros(false, true)(new FormControl('0'))).toBeNull();
    expect(euros()(new FormControl('1,234'))).toEqual({ decimal: true });
    expect(euros()(new FormControl(''))).toBeNull();
  });

  it('writes cents back for an input, in the user language', () => {
    expect(centsToInput(123456, 'fr')).toBe('1234,56');
    expect(centsToInput(-5, 'en')).toBe('-0.05');
    expect(parseEuros(centsToInput(-98765, 'fr'), true)).toBe(-98765);
  });

  it('formats money as 1 234,56 € in French', () => {
    expect(plain(formatCents(123456, 'fr'))).toBe('1 234,56 €');
    expect(formatCents(123456, 'en')).toBe('€1,234.56');
  });

  it('formats days dd/mm/yyyy in French and shows the last day of a period', () => {
    expect(formatDay('2026-12-01', 'fr')).toBe('01/12/2026');
    expect(formatDay(null, 'fr')).toBe('');
    expect(formatPeriod('2026-11-15', '2026-12-01', 'fr')).toBe('15/11/2026 – 30/11/2026');
  });

  it('gives the months of a quarter', () => {
    expect(quarterMonths('2026-Q4')).toEqual({ from: '2026-10', to: '2026-12' });
    expect(quarterMonths('2026-Q5')).toBeNull();
  });

  it('maps codes to translation keys', () => {
    expect(billingLabels.settlement('partially_paid')).toBe('billing.settlements.partially_paid');
    expect(billingLabels.settlement(null)).toBe('billing.settlements.none');
    expect(billingLabels.lineKind('deposit_refund')).toBe('billing.lineKinds.deposit_refund');
  });
});
