import {
  AbstractControl,
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import {
  CreateStartupRequest,
  isValidSiren,
  Sector,
  Stage,
  StartupResponse,
  UpdateStartupRequest,
} from '@incubator/contracts';
import { apiError, FormError } from '../../../core/forms/api-error';
import { httpUrl, notBlank, wholeNumber } from '../../../core/forms/form-validation';

export type StartupForm = FormGroup<{
  legalName: FormControl<string>;
  country: FormControl<string>;
  siren: FormControl<string>;
  sector: FormControl<Sector | ''>;
  stage: FormControl<Stage | ''>;
  foundedOn: FormControl<string>;
  website: FormControl<string>;
  /** Typed as text (see startup-fields): a whole number, converted on sending. */
  teamSize: FormControl<string>;
  description: FormControl<string>;
}>;

/** People type a SIREN in groups of three ("732 829 320"); the API takes the nine digits. */
export function normaliseSiren(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s/g, '') : '';
}

function isFrench(country: unknown): boolean {
  return typeof country === 'string' && country.trim().toUpperCase() === 'FR';
}

/**
 * The SIREN, checked as the user types with the API's own rule (`isValidSiren`): required for a
 * startup registered in France (error `sirenRequired`), nine digits with a valid check digit
 * whenever one is given (error `sirenInvalid`). Reads the sibling `country` control.
 */
export function sirenValidator(control: AbstractControl): ValidationErrors | null {
  const siren = normaliseSiren(control.value);
  if (!siren) {
    return isFrench(control.parent?.get('country')?.value) ? { sirenRequired: true } : null;
  }
  return isValidSiren(siren) ? null : { sirenInvalid: true };
}

/** ISO 3166 alpha-2, as the API requires (error `countryCode`). */
export function countryCode(control: AbstractControl): ValidationErrors | null {
  const value = typeof control.value === 'string' ? control.value.trim() : '';
  return !value || /^[A-Za-z]{2}$/.test(value) ? null : { countryCode: true };
}

/** The profile form of a startup, shared by the creation dialog, the manager's detail page and the portal. */
export function startupForm(fb: NonNullableFormBuilder, startup?: StartupResponse): StartupForm {
  const form: StartupForm = fb.group({
    legalName: [startup?.legalName ?? '', [Validators.required, notBlank, Validators.maxLength(200)]],
    country: [startup?.country ?? 'FR', [Validators.required, countryCode]],
    siren: [startup?.siren ?? '', sirenValidator],
    sector: fb.control<Sector | ''>(startup?.sector ?? '', Validators.required),
    stage: fb.control<Stage | ''>(startup?.stage ?? '', Validators.required),
    foundedOn: [startup?.foundedOn ?? ''],
    website: [startup?.website ?? '', [Validators.maxLength(300), httpUrl]],
    teamSize: [
      startup ? String(startup.teamSize) : '',
      [Validators.required, Validators.min(0), Validators.max(100_000), wholeNumber],
    ],
    description: [startup?.description ?? '', Validators.maxLength(4000)],
  });
  // Whether a SIREN is required depends on the country: check it again when the country changes.
  form.controls.country.valueChanges.subscribe(() => form.controls.siren.updateValueAndValidity());
  form.controls.siren.updateValueAndValidity();
  return form;
}

/** The request for a valid form: trimmed, optional fields left out when empty (the API refuses empty text). */
export function toCreateRequest(form: StartupForm): CreateStartupRequest {
  const value = form.getRawValue();
  const request: CreateStartupRequest = {
    legalName: value.legalName.trim(),
    country: value.country.trim().toUpperCase(),
    sector: value.sector as Sector,
    stage: value.stage as Stage,
    teamSize: Number(value.teamSize.trim()),
  };
  const siren = normaliseSiren(value.siren);
  if (siren) {
    request.siren = siren;
  }
  const optional = {
    foundedOn: value.foundedOn.trim(),
    website: value.website.trim(),
    description: value.description.trim(),
  };
  for (const [key, text] of Object.entries(optional) as [keyof typeof optional, string][]) {
    if (text) {
      request[key] = text;
    }
  }
  return request;
}

/**
 * Only what changed. A cleared optional field cannot be sent (the API has no way to empty it), so
 * it is left as it was.
 */
export function toUpdateRequest(form: StartupForm, before: StartupResponse): UpdateStartupRequest {
  const next = toCreateRequest(form);
  const previous: Record<string, unknown> = {
    legalName: before.legalName,
    country: before.country,
    siren: before.siren ?? undefined,
    sector: before.sector,
    stage: before.stage,
    teamSize: before.teamSize,
    foundedOn: before.foundedOn ?? undefined,
    website: before.website ?? undefined,
    description: before.description ?? undefined,
  };
  return Object.fromEntries(
    Object.entries(next).filter(([key, value]) => value !== previous[key]),
  ) as UpdateStartupRequest;
}

/**
 * A SIREN another startup already has (409 `startup.siren_taken`): the API's message, with a link
 * to that startup's page for the manager to open it rather than register it twice.
 */
export function sirenTaken(error: unknown): FormError | undefined {
  const body = apiError(error);
  const startupId = body?.details?.['startupId'];
  if (body?.code !== 'startup.siren_taken' || typeof startupId !== 'string') {
    return undefined;
  }
  const legalName = body.details?.['legalName'];
  return {
    text: body.message,
    link: {
      path: ['/manage/startups', startupId],
      key: 'forms.sirenTaken.open',
      params: { legalName: typeof legalName === 'string' ? legalName : '' },
    },
  };
}
