import { FundingErrors, invalidRound } from './funding.errors';

describe('funding errors', () => {
  it('answers one problem with its own code and text', () => {
    const error = invalidRound([FundingErrors.closing_date_in_future()]);
    expect(error.render('fr')).toMatchObject({
      statusCode: 400,
      code: 'funding.closing_date_in_future',
      message: 'La date de clôture ne peut pas être dans le futur.',
      fields: { closedOn: ['la date de clôture ne peut pas être dans le futur'] },
    });
  });

  it('answers several problems at once with funding.round_invalid, naming every field in the caller’s language', () => {
    const error = invalidRound([FundingErrors.amount_invalid({ minorUnits: 0 }), FundingErrors.rate_required(), FundingErrors.investor_unknown()]);
    expect(error.render('en')).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'funding.round_invalid',
      message: 'The funding round has invalid fields.',
      fields: {
        amount: ['amount must be positive with at most 0 decimals'],
        eurRate: ['the EUR exchange rate (at the closing date) is required'],
        investorIds: ['unknown investor in the directory'],
      },
      details: { minorUnits: 0 },
    });
    expect(error.render('fr').fields?.['amount']).toEqual(['montant positif avec au plus 0 décimales attendu']);
  });
});
