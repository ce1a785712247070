import { errorCatalogue, placeholders } from '@incubator/api/errors';
import { ApplicationErrors } from './application.errors';

describe('application errors', () => {
  it('says why a duplicate is refused, in both languages, on the field', () => {
    const fr = ApplicationErrors.duplicate_email().render('fr');
    expect(fr).toMatchObject({ statusCode: 409, code: 'application.duplicate_email', fields: { email: ['déjà candidat à cet appel'] } });
    expect(ApplicationErrors.duplicate_siren().render('en').message).toBe('An application to this call already exists for this SIREN.');
    expect(ApplicationErrors.file_too_large({ maxMb: 10 }).render('en')).toMatchObject({ statusCode: 413, message: 'File too large: at most 10 MB.' });
  });

  it('gives every code both texts with the same placeholders and a 4xx', () => {
    for (const [code, entry] of errorCatalogue()) {
      if (!code.startsWith('application.')) continue;
      expect(entry.status).toBeGreaterThanOrEqual(400);
      expect(entry.status).toBeLessThan(500);
      expect(entry.message.fr).not.toBe(entry.message.en);
      expect(placeholders(entry.message.fr)).toEqual(placeholders(entry.message.en));
      for (const text of Object.values(entry.fields ?? {})) expect(placeholders(text.fr)).toEqual(placeholders(text.en));
    }
  });
});
