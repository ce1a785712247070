import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { Subject } from 'rxjs';
import { submitForm, submitState } from './submit-form';

describe('submitForm', () => {
  const form = () =>
    new FormGroup({ name: new FormControl('Acme', { nonNullable: true, validators: Validators.required }) });

  it('only shows the errors of an invalid form, without sending it', () => {
    const f = form();
    f.controls.name.setValue('');
    const request = jest.fn();

    submitForm(f, submitState(), request, jest.fn());

    expect(request).not.toHaveBeenCalled();
    expect(f.controls.name.touched).toBe(true);
  });

  it('sends once at a time, then hands over the answer', () => {
    const state = submitState();
    const answer = new Subject<string>();
    const request = jest.fn(() => answer);
    const done = jest.fn();

    submitForm(form(), state, request, done);
    submitForm(form(), state, request, done);
    expect(request).toHaveBeenCalledTimes(1);
    expect(state.submitting()).toBe(true);

    answer.next('saved');
    expect(state.submitting()).toBe(false);
    expect(done).toHaveBeenCalledWith('saved');
  });

  it("puts the API's field errors at their fields, through the aliases", () => {
    const f = form();
    const state = submitState();
    const answer = new Subject<never>();

    submitForm(f, state, () => answer, jest.fn(), { legalName: 'name' });
    answer.error(
      new HttpErrorResponse({ status: 409, error: { message: 'Taken', fields: { legalName: ['Already used.'] } } }),
    );

    expect(state.submitting()).toBe(false);
    expect(f.controls.name.errors).toEqual({ server: 'Already used.' });
    expect(state.error()).toBeNull();
  });
});
