import { DomainError, defineErrors } from '@incubator/api/errors';

export const FundingErrors = defineErrors('funding', {
  round_not_found: { status: 404, message: { fr: 'Tour de financement introuvable.', en: 'No such funding round.' } },
  investor_name_taken: {
    status: 409,
    message: { fr: 'Cet investisseur existe déjà dans l’annuaire.', en: 'This investor is already in the directory.' },
    fields: { name: { fr: 'nom déjà utilisé', en: 'name is already used' } },
  },
  /** Several fields of a round are wrong at once: see `invalidRound`, which adds each field's text from its own code. */
  round_invalid: { status: 400, message: { fr: 'Le tour de financement contient des champs invalides.', en: 'The funding round has invalid fields.' } },
  // One code per thing a round's fields can get wrong; `{minorUnits}` is the currency's number of decimals.
  amount_invalid: {
    status: 400,
    message: { fr: 'Le montant doit être positif, avec au plus {minorUnits} décimales.', en: 'The amount must be positive, with at most {minorUnits} decimals.' },
    fields: { amount: { fr: 'montant positif avec au plus {minorUnits} décimales attendu', en: 'amount must be positive with at most {minorUnits} decimals' } },
  },
  amount_too_large: {
    status: 400,
    message: { fr: 'Montant × taux trop grand : la valeur en euros dépasse la limite.', en: 'Amount × rate is too large: the EUR value exceeds the limit.' },
    fields: { amount: { fr: 'montant × taux trop grand : la valeur en euros dépasse la limite', en: 'amount × eurRate is too large: the EUR value exceeds the limit' } },
  },
  valuation_invalid: {
    status: 400,
    message: { fr: 'La valorisation doit être positive, avec au plus {minorUnits} décimales.', en: 'The valuation must be positive, with at most {minorUnits} decimals.' },
    fields: { preMoneyValuation: { fr: 'valorisation positive avec au plus {minorUnits} décimales attendue', en: 'valuation must be positive with at most {minorUnits} decimals' } },
  },
  euro_rate_not_one: {
    status: 400,
    message: { fr: 'Le taux d’un tour en euros vaut 1.', en: 'A euro round has a rate of 1.' },
    fields: { eurRate: { fr: 'le taux d’un tour en euros vaut 1', en: 'a euro round has a rate of 1' } },
  },
  rate_required: {
    status: 400,
    message: { fr: 'Le taux de change vers l’euro (à la date de clôture) est requis.', en: 'The EUR exchange rate (at the closing date) is required.' },
    fields: { eurRate: { fr: 'taux de change vers l’euro requis (date de clôture)', en: 'the EUR exchange rate (at the closing date) is required' } },
  },
  closing_date_required: {
    status: 400,
    message: { fr: 'Un tour clôturé doit avoir sa date de clôture.', en: 'A closed round needs its closing date.' },
    fields: { closedOn: { fr: 'date de clôture requise pour un tour clôturé', en: 'a closed round needs its closing date' } },
  },
  closing_date_unexpected: {
    status: 400,
    message: { fr: 'Seul un tour clôturé a une date de clôture.', en: 'Only a closed round has a closing date.' },
    fields: { closedOn: { fr: 'seul un tour clôturé a une date de clôture', en: 'only a closed round has a closing date' } },
  },
  closing_date_in_future: {
    status: 400,
    message: { fr: 'La date de clôture ne peut pas être dans le futur.', en: 'The closing date cannot be in the future.' },
    fields: { closedOn: { fr: 'la date de clôture ne peut pas être dans le futur', en: 'the closing date cannot be in the future' } },
  },
  announcement_in_future: {
    status: 400,
    message: { fr: 'La date d’annonce ne peut pas être dans le futur.', en: 'The announcement date cannot be in the future.' },
    fields: { announcedOn: { fr: 'la date d’annonce ne peut pas être dans le futur', en: 'the announcement date cannot be in the future' } },
  },
  closes_before_announcement: {
    status: 400,
    message: { fr: 'Le tour ne peut pas se clôturer avant son annonce.', en: 'The round cannot close before it is announced.' },
    fields: { closedOn: { fr: 'la clôture ne peut précéder l’annonce', en: 'the round cannot close before it is announced' } },
  },
  investor_unknown: {
    status: 400,
    message: { fr: 'Investisseur inconnu dans l’annuaire.', en: 'Unknown investor in the directory.' },
    fields: { investorIds: { fr: 'investisseur inconnu dans l’annuaire', en: 'unknown investor in the directory' } },
  },
});

/**
 * What is wrong with a round's fields, all at once: one problem answers with its own code; several with
 * `funding.round_invalid`, naming every field with the text of its own code (so the form can mark them all).
 */
export function invalidRound(problems: DomainError[]): DomainError {
  if (problems.length === 1) return problems[0];
  const combined = FundingErrors.round_invalid();
  const fields = Object.assign({}, ...problems.map((problem) => problem.entry.fields));
  const details = Object.assign({}, ...problems.map((problem) => problem.details));
  return new DomainError(combined.code, { ...combined.entry, fields }, details);
}
