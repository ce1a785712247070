import { errorCatalogue, placeholders } from '@incubator/api/errors';
import { boardNotAllowed, importRefused, invalidValues, KpiErrors } from './kpi.errors';

describe('KPI errors', () => {
  it('names each bad value as values.<key>, in the caller’s language', () => {
    const error = invalidValues({ headcount: { fr: 'doit être au moins 0', en: 'must be at least 0' }, burn_rate: { fr: 'indicateur inconnu pour cette période', en: 'unknown KPI for this period' } });
    expect(error.render('fr')).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'kpi.invalid_values',
      message: 'Le rapport contient des valeurs invalides.',
      fields: { 'values.headcount': ['doit être au moins 0'], 'values.burn_rate': ['indicateur inconnu pour cette période'] },
    });
    expect(error.render('en').fields).toEqual({ 'values.headcount': ['must be at least 0'], 'values.burn_rate': ['unknown KPI for this period'] });
  });

  it('names only the board rules a query breaks', () => {
    const body = boardNotAllowed(['to', 'sector']).render('en');
    expect(body).toMatchObject({ statusCode: 400, code: 'kpi.board_not_allowed', message: 'Not available to board members.' });
    expect(Object.keys(body.fields ?? {})).toEqual(['to', 'sector']);
  });

  it('sends an import’s line errors with its refusal', () => {
    const result = { dryRun: false, lines: 2, imported: 0, errors: [{ line: 2, column: 'period', message: 'période dans le futur' }] };
    expect(importRefused(result).render('fr')).toEqual({ statusCode: 422, error: 'Unprocessable Entity', code: 'kpi.import_refused', message: 'Import refusé : aucune ligne écrite.', ...result });
  });

  it('fills the report’s status into both languages', () => {
    const error = KpiErrors.validate_not_submitted({ status: 'returned' });
    expect(error.render('fr')).toMatchObject({ statusCode: 409, message: 'Seul un rapport soumis peut être validé (statut actuel : returned).', fields: { status: ['statut actuel : returned'] } });
    expect(error.render('en').message).toBe('Only a submitted report can be validated (it is returned).');
  });

  it('declares every kpi code with the same placeholders in French and English', () => {
    const codes = [...errorCatalogue()].filter(([code]) => code.startsWith('kpi.'));
    expect(codes.map(([code]) => code).sort()).toEqual(Object.keys(KpiErrors).map((name) => `kpi.${name}`).sort());
    for (const [, entry] of codes) {
      expect(placeholders(entry.message.fr)).toEqual(placeholders(entry.message.en));
      for (const text of Object.values(entry.fields ?? {})) expect(placeholders(text.fr)).toEqual(placeholders(text.en));
    }
  });
});
