import { StartupErrors } from './startup.errors';

describe('startup errors', () => {
  it('names the startup that already has the SIREN, and sends its id for the link', () => {
    const body = StartupErrors.siren_taken({ startupId: 's1', legalName: 'Canopée Data SAS' }).render('fr');
    expect(body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      code: 'startup.siren_taken',
      message: 'Ce SIREN est déjà enregistré pour Canopée Data SAS.',
      fields: { siren: ['SIREN déjà enregistré pour Canopée Data SAS'] },
      details: { startupId: 's1', legalName: 'Canopée Data SAS' },
    });
  });
});
