import { DomainError, placeholders } from './domain-error';
import { defineErrors, errorCatalogue } from './error-catalogue';

describe('domain errors', () => {
  const Errors = defineErrors('sample', {
    taken: {
      status: 409,
      message: { fr: 'Ce SIREN est déjà enregistré pour {legalName}.', en: 'This SIREN is already registered for {legalName}.' },
      fields: { siren: { fr: 'déjà enregistré pour {legalName}', en: 'already registered for {legalName}' } },
    },
    missing: { status: 404, message: { fr: 'Introuvable.', en: 'Not found.' } },
  });

  it('renders the caller’s language, with the details filled in and sent along', () => {
    const error = Errors.taken({ legalName: 'Canopée Data SAS', startupId: 'abc' });
    expect(error).toBeInstanceOf(DomainError);
    expect(error.render('fr')).toEqual({
      statusCode: 409,
      error: 'Conflict',
      code: 'sample.taken',
      message: 'Ce SIREN est déjà enregistré pour Canopée Data SAS.',
      fields: { siren: ['déjà enregistré pour Canopée Data SAS'] },
      details: { legalName: 'Canopée Data SAS', startupId: 'abc' },
    });
    expect(error.render('en').message).toBe('This SIREN is already registered for Canopée Data SAS.');
  });

  it('leaves out fields and details an error does not have', () => {
    expect(Errors.missing().render('en')).toEqual({ statusCode: 404, error: 'Not Found', code: 'sample.missing', message: 'Not found.' });
  });

  it('registers every code once in the catalogue', () => {
    expect(errorCatalogue().get('sample.missing')?.status).toBe(404);
    expect(() => defineErrors('sample', { missing: { status: 400, message: { fr: 'a', en: 'b' } } })).toThrow(/declared twice/);
  });

  it('lists a text’s placeholders', () => {
    expect(placeholders('{b} and {a}, {b}')).toEqual(['a', 'b']);
  });
});
