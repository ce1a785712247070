import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, IsIn, IsInt, Max, Min, ValidateNested, validateSync } from 'class-validator';
import { Type } from 'class-transformer';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { fieldMessages, FRENCH_TEMPLATES } from './validation-messages';
import { exportLocale, requestLocale } from './request-locale';

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

describe('isWellFormedText', () => {
  // The request-hardening layer refuses these bodies first; the DTO check keeps a text field safe on its own.
  it('refuses lone UTF-16 surrogates and keeps proper pairs', async () => {
    const { isWellFormedText } = await import('./dto');
    expect(['Nordlys', 'café', 'rocket 🚀'].map(isWellFormedText)).toEqual([true, true, true]);
    expect(['x\ud800', '\udc00x', 'a\ud83d'].map(isWellFormedText)).toEqual([false, false, false]);
  });
});

describe('every constraint of every request DTO has a French template', () => {
  it('leaves no message of a DTO in English for a French caller', async () => {
    // Loading the modules registers their DTO classes' constraints in class-validator's storage.
    const modules = [
      '../auth/auth.dto', '../funding/funding.dto', '../kpis/kpis.dto', '../reports/reports.dto', '../space/space.dto', '../startups/startup.dto',
      '../programs/programs.controller', '../milestones/milestones.controller', '../enrollments/enrollments.controller', '../users/users.controller',
      '../invitations/invitations.controller', '../audit/audit.controller', './dto',
    ];
    for (const path of modules) await import(path);
    const storage = getMetadataStorage();
    const names = new Set<string>();
    // The storage keeps its map private; it is the only place listing every registered constraint.
    const registered = (storage as unknown as { validationMetadatas: Map<unknown, ValidationMetadata[]> }).validationMetadatas;
    for (const metadatas of registered.values()) {
      for (const metadata of metadatas) {
        if (metadata.type !== 'customValidation' || !metadata.constraintCls) continue;
        for (const constraint of storage.getTargetValidatorConstraints(metadata.constraintCls)) names.add(constraint.name);
      }
    }
    expect(names.size).toBeGreaterThan(20);
    expect([...names].filter((name) => !(name in FRENCH_TEMPLATES)).sort()).toEqual([]);
  }, 60_000);
});

describe('exportLocale', () => {
  it('takes the locale parameter over Accept-Language, else Accept-Language, else French', () => {
    expect(exportLocale('fr', 'en-GB,en;q=0.9')).toBe('fr');
    expect(exportLocale('en', 'fr-FR')).toBe('en');
    expect(exportLocale(undefined, 'en-US')).toBe('en');
    expect(exportLocale(undefined, undefined)).toBe('fr');
  });
});
