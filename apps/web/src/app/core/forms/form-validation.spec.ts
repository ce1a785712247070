import { FormControl } from '@angular/forms';
import { httpUrl, notBlank, wholeNumber } from './form-validation';

describe('form rules', () => {
  it('takes a whole number, typed or given', () => {
    const errors = (value: unknown) => wholeNumber(new FormControl(value));

    expect(errors('12')).toBeNull();
    expect(errors(' 7 ')).toBeNull();
    expect(errors(3)).toBeNull();
    expect(errors('')).toBeNull();
    expect(errors('1.5')).toEqual({ wholeNumber: true });
    expect(errors('   ')).toEqual({ wholeNumber: true });
    expect(errors('1e3')).toEqual({ wholeNumber: true });
    expect(errors(2.5)).toEqual({ wholeNumber: true });
  });

  it('takes http and https addresses only', () => {
    const errors = (value: string) => httpUrl(new FormControl(value));

    expect(errors('https://acme.example/demo')).toBeNull();
    expect(errors('')).toBeNull();
    expect(errors('acme.example')).toEqual({ url: true });
    expect(errors('ftp://acme.example')).toEqual({ url: true });
  });

  it('counts blank text as missing', () => {
    expect(notBlank(new FormControl('   '))).toEqual({ required: true });
    expect(notBlank(new FormControl(' a '))).toBeNull();
  });
});
