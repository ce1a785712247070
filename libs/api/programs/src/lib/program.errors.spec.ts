import { ProgramErrors } from './program.errors';

describe('program errors', () => {
  it('says which cohort is full and how many seats it has, in both languages', () => {
    const error = ProgramErrors.cohort_full({ cohortName: 'Printemps 2027', seated: 12, capacity: 12 });
    expect(error.render('fr')).toMatchObject({ statusCode: 409, code: 'program.cohort_full', message: 'La promotion Printemps 2027 est complète (capacité : 12).' });
    expect(error.render('en').message).toBe('The cohort Printemps 2027 is full (capacity: 12).');
  });

  it('lists the moves an enrollment may make, and says when its status is final', () => {
    expect(ProgramErrors.transition_refused({ from: 'applied', to: 'graduated', allowed: 'admitted, withdrawn' }).render('en').fields).toEqual({
      status: ['from applied, status must be one of: admitted, withdrawn'],
    });
    expect(ProgramErrors.enrollment_final({ from: 'withdrawn', to: 'admitted' }).render('fr').fields).toEqual({ status: ['withdrawn est un statut définitif'] });
  });
});
