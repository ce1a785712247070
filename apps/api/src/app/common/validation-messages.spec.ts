import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, Max, Min, ValidateNested, validateSync } from 'class-validator';
import { Type } from 'class-transformer';
import { fieldMessages } from './validation-messages';
import { requestLocale } from './request-locale';

class Inner {
  @IsInt()
  @Min(1)
  count!: number;
}

class Outer {
  @IsIn(['incubator', 'accelerator'])
  kind!: string;

  @Max(10)
  size!: number;

  @ValidateNested()
  @Type(() => Inner)
  inner!: Inner;
}

const errorsOf = (plain: object) => validateSync(plainToInstance(Outer, plain));

describe('fieldMessages', () => {
  const errors = errorsOf({ kind: 'garage', size: 12, inner: { count: 0 } });

  it('keys messages by field path, including nested fields', () => {
    expect(Object.keys(fieldMessages(errors, 'en')).sort()).toEqual(['inner.count', 'kind', 'size']);
  });

  it("keeps class-validator's English", () => {
    expect(fieldMessages(errors, 'en')['size']).toEqual(['size must not be greater than 10']);
  });

  it('translates into French with the constraint values', () => {
    const fr = fieldMessages(errors, 'fr');
    expect(fr['size']).toEqual(['le champ size ne doit pas être supérieur à 10']);
    expect(fr['kind']).toEqual(['le champ kind doit être une des valeurs suivantes : incubator, accelerator']);
    expect(fr['inner.count']).toEqual(['le champ count ne doit pas être inférieur à 1']);
  });
});

describe('requestLocale', () => {
  it('follows the order of Accept-Language', () => {
    expect(requestLocale('en-GB,en;q=0.9,fr;q=0.8')).toBe('en');
    expect(requestLocale('fr-FR,en;q=0.5')).toBe('fr');
    expect(requestLocale('de-DE,en;q=0.5')).toBe('en');
  });

  it('defaults to French', () => {
    expect(requestLocale(undefined)).toBe('fr');
    expect(requestLocale('de')).toBe('fr');
  });
});

describe('isCalendarDate', () => {
  it('accepts real dates only', async () => {
    const { isCalendarDate } = await import('./dto');
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-1-05')).toBe(false);
    expect(isCalendarDate(20260105)).toBe(false);
  });
});
