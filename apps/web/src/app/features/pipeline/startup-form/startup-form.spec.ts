import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import { StartupResponse } from '@incubator/contracts';
import { startupForm, toCreateRequest, toUpdateRequest } from './startup-form';

const acme: StartupResponse = {
  id: 'startup-1',
  legalName: 'Acme SAS',
  country: 'FR',
  siren: '732829320',
  sector: 'fintech',
  foundedOn: '2021-04-01',
  stage: 'mvp',
  website: null,
  description: null,
  teamSize: 4,
  currentEnrollment: null,
  alumni: false,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

describe('startup form', () => {
  const build = (startup?: StartupResponse) => startupForm(TestBed.inject(NonNullableFormBuilder), startup);

  describe('SIREN', () => {
    it('is required for a startup registered in France', () => {
      const form = build();

      expect(form.controls.country.value).toBe('FR');
      expect(form.controls.siren.errors).toEqual({ sirenRequired: true });
    });

    it('checks the check digit as the user types', () => {
      const siren = build().controls.siren;

      siren.setValue('7328');
      expect(siren.errors).toEqual({ sirenInvalid: true });
      siren.setValue('732829321');
      expect(siren.errors).toEqual({ sirenInvalid: true });
      siren.setValue('732829320');
      expect(siren.errors).toBeNull();
      siren.setValue('732 829 320');
      expect(siren.errors).toBeNull();
      siren.setValue('73282932A');
      expect(siren.errors).toEqual({ sirenInvalid: true });
    });

    it('is optional abroad, but still checked when given', () => {
      const form = build();

      form.controls.country.setValue('BE');
      expect(form.controls.siren.errors).toBeNull();
      form.controls.siren.setValue('123');
      expect(form.controls.siren.errors).toEqual({ sirenInvalid: true });
    });

    it('becomes required again when the country changes back to France', () => {
      const form = build();
      form.controls.country.setValue('de');
      expect(form.controls.siren.valid).toBe(true);

      form.controls.country.setValue('fr');

      expect(form.controls.siren.errors).toEqual({ sirenRequired: true });
    });
  });

  it('refuses a country that is not a two-letter code', () => {
    const country = build().controls.country;

    country.setValue('France');

    expect(country.errors).toEqual({ countryCode: true });
  });

  it('sends the nine digits, an upper-case country and no empty optional field', () => {
    const form = build();
    form.setValue({
      legalName: '  Beta Robotics ',
      country: 'fr',
      siren: '552 100 554',
      sector: 'industry',
      stage: 'prototype',
      foundedOn: '',
      website: ' https://beta.example ',
      teamSize: '3',
      description: '   ',
    });

    expect(form.valid).toBe(true);
    expect(toCreateRequest(form)).toEqual({
      legalName: 'Beta Robotics',
      country: 'FR',
      siren: '552100554',
      sector: 'industry',
      stage: 'prototype',
      website: 'https://beta.example',
      teamSize: 3,
    });
  });

  it('sends only the fields that changed', () => {
    const form = build(acme);
    expect(form.valid).toBe(true);

    form.controls.teamSize.setValue('6');
    form.controls.website.setValue('https://acme.example');

    expect(toUpdateRequest(form, acme)).toEqual({ teamSize: 6, website: 'https://acme.example' });
  });
});
