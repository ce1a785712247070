import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import { officeRequestForm, officeRequestValue } from './office-request';

describe('officeRequestForm', () => {
  const fb = () => TestBed.inject(NonNullableFormBuilder);

  it('reads the request as the API takes it: a number of m², the last day as the exclusive end, cents', () => {
    const form = officeRequestForm(fb(), { priceRequired: true });
    form.setValue({ startupId: 's-1', areaM2: '50', startsOn: '2026-06-01', lastDay: '2026-12-31', programKind: 'accelerator', price: '15,5' });
    expect(form.valid).toBe(true);
    expect(officeRequestValue(form)).toEqual({ startupId: 's-1', areaM2: 50, startsOn: '2026-06-01', endsOn: '2027-01-01', programKind: 'accelerator', priceCents: 1550 });
  });

  it('needs a price on the waitlist, not on the allocate panel; refuses a last day before the first', () => {
    const waitlist = officeRequestForm(fb(), { priceRequired: true, defaults: { startupId: 's-1', areaM2: '24' } });
    expect(waitlist.controls.price.hasError('required')).toBe(true);
    const allocate = officeRequestForm(fb(), { priceRequired: false, defaults: { startupId: 's-1', areaM2: '24', startsOn: '2026-06-01' } });
    expect(allocate.valid).toBe(true);
    expect(officeRequestValue(allocate).priceCents).toBeNull();
    allocate.controls.price.setValue('15,555');
    expect(allocate.controls.price.hasError('decimal')).toBe(true);
    allocate.controls.price.setValue('');
    allocate.controls.lastDay.setValue('2026-05-31');
    expect(allocate.controls.lastDay.hasError('lastDayBeforeFirst')).toBe(true);
    expect(allocate.valid).toBe(false);
    allocate.controls.lastDay.setValue('2026-06-01');
    expect(allocate.valid).toBe(true);
  });
});
