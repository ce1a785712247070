import { errorCatalogue, placeholders } from '@incubator/api/errors';
import { SpaceErrors } from './space.errors';

describe('space errors', () => {
  const space = [...errorCatalogue().entries()].filter(([code]) => code.startsWith('space.'));

  it('gives every code a French and an English text naming the same details', () => {
    expect(space.length).toBeGreaterThan(20);
    for (const [code, entry] of space) {
      expect({ code, fr: placeholders(entry.message.fr) }).toEqual({ code, fr: placeholders(entry.message.en) });
      for (const [field, text] of Object.entries(entry.fields ?? {})) expect({ code, field, fr: placeholders(text.fr) }).toEqual({ code, field, fr: placeholders(text.en) });
      // French typography: the apostrophe is ’, never a straight one.
      expect({ code, fr: entry.message.fr }).not.toEqual({ code, fr: expect.stringContaining("'") });
    }
  });

  it('names the lease in the way of a conflict, in the caller’s language', () => {
    const error = SpaceErrors.modules_taken({ conflictingLeaseId: 'l-1', startupName: 'Canopée Data', startsOn: '2027-01-01', endsOn: '2027-07-01' });
    expect(error.render('fr')).toMatchObject({
      statusCode: 409,
      code: 'space.modules_taken',
      message: 'Déjà loué à Canopée Data du 2027-01-01 au 2027-07-01 (exclu) (bail l-1).',
      details: { conflictingLeaseId: 'l-1' },
    });
    expect(error.render('en').message).toBe('Already leased to Canopée Data from 2027-01-01 until 2027-07-01 (exclusive) (lease l-1).');
  });
});
