import { fieldMessage } from './field-error.component';

describe('fieldMessage', () => {
  it('shows the API message as is, before any rule of the client', () => {
    expect(fieldMessage({ server: 'Déjà invité.', required: true })).toEqual({ text: 'Déjà invité.' });
  });

  it("prefers a form's own rule to the generic required message", () => {
    expect(fieldMessage({ required: true, startupRequired: true })).toEqual({ key: 'startupRequired', params: {} });
  });

  it('names the broken length with its limit', () => {
    expect(fieldMessage({ minlength: { requiredLength: 10, actualLength: 3 } })).toEqual({
      key: 'minLength',
      params: { min: 10 },
    });
    expect(fieldMessage({ maxlength: { requiredLength: 128, actualLength: 200 } })).toEqual({
      key: 'maxLength',
      params: { max: 128 },
    });
  });

  it('names the broken bound of a number with its limit', () => {
    expect(fieldMessage({ min: { min: 1, actual: 0 } })).toEqual({ key: 'min', params: { min: 1 } });
    expect(fieldMessage({ max: { max: 1000, actual: 5000 } })).toEqual({ key: 'max', params: { max: 1000 } });
  });

  it('says nothing for a valid value', () => {
    expect(fieldMessage(null)).toBeNull();
  });
});
