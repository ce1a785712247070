import { DomainError } from '@incubator/api/errors';
import { assertLegalIdentity, isImageOf } from './organisation-settings.service';

const codeOf = (run: () => void): string | null => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a domain error';
  }
};

describe('organisation settings rules', () => {
  it('wants the SIRET to start with the SIREN and the VAT number to end with it', () => {
    expect(codeOf(() => assertLegalIdentity({ siren: '732829320', siret: '73282932000074', vatNumber: 'FR44732829320' }))).toBeNull();
    expect(codeOf(() => assertLegalIdentity({ siren: null, siret: null, vatNumber: null }))).toBeNull();
    expect(codeOf(() => assertLegalIdentity({ siren: null, siret: '73282932000074' }))).toBe('organisation.siret_without_siren');
    expect(codeOf(() => assertLegalIdentity({ siren: '732829320', siret: '55210055400013' }))).toBe('organisation.siret_not_of_siren');
    expect(codeOf(() => assertLegalIdentity({ siren: '732829320', vatNumber: 'FR12552100554' }))).toBe('organisation.vat_not_of_siren');
  });

  it('recognises a PNG and a JPEG by their first bytes, whatever the declared type says', () => {
    const png = Buffer.from('89504e470d0a1a0a0000', 'hex');
    const jpeg = Buffer.from('ffd8ffe000104a464946', 'hex');
    expect(isImageOf('image/png', png)).toBe(true);
    expect(isImageOf('image/jpeg', jpeg)).toBe(true);
    expect(isImageOf('image/jpeg', png)).toBe(false);
    expect(isImageOf('image/png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe(false);
  });
});
