import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import {
  CURRENCIES,
  Currency,
  FISCAL_MONTHS,
  isValidSiren,
  Locale,
  LOGO_CONTENT_TYPES,
  LOGO_MAX_BYTES,
  LogoContentType,
  OrganisationSettings,
  SUPPORTED_LOCALES,
  UpdateOrganisationSettingsRequest,
} from '@incubator/contracts';
import { FormError, genericError } from '../../../core/forms/api-error';
import { FieldErrorComponent } from '../../../core/forms/field-error.component';
import { FormErrorComponent } from '../../../core/forms/form-error.component';
import { VALIDATE_WHILE_TYPING } from '../../../core/forms/form-validation';
import { submitForm, submitState } from '../../../core/forms/submit-form';
import { LocaleService } from '../../../core/i18n/locale.service';
import { FormFieldComponent } from '../../../core/ui/form-field/form-field.component';
import { OrganisationSettingsService } from './organisation-settings.service';

function siren(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value.trim();
  return value === '' || isValidSiren(value) ? null : { sirenInvalid: true };
}

const blankToNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** Reads a file as base64 (without the data: prefix) and as a data URL for the preview. */
function readFile(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * The organisation's profile for its admins: legal identity, address, time zone, language, currency,
 * fiscal year, the board's confidentiality settings, and the logo (shown on the board pack). The API's
 * refusals land on their fields, in the UI language.
 */
@Component({
  selector: 'app-organisation-settings-page',
  imports: [
    FieldErrorComponent,
    FormErrorComponent,
    FormFieldComponent,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
    TranslocoDirective,
  ],
  providers: [VALIDATE_WHILE_TYPING],
  templateUrl: './organisation-settings.page.html',
  styleUrl: './organisation-settings.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganisationSettingsPage {
  private readonly service = inject(OrganisationSettingsService);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly locale = inject(LocaleService).locale;
  protected readonly currencies = CURRENCIES;
  protected readonly locales = SUPPORTED_LOCALES;
  protected readonly months = computed(() => {
    const format = new Intl.DateTimeFormat(this.locale() === 'fr' ? 'fr-FR' : 'en-GB', { month: 'long' });
    return FISCAL_MONTHS.map((month) => ({ value: month, label: format.format(new Date(Date.UTC(2026, month - 1, 15))) }));
  });
  protected readonly accept = LOGO_CONTENT_TYPES.join(',');

  protected readonly settings = signal<OrganisationSettings | null>(null);
  protected readonly loadError = signal<FormError | null>(null);
  protected readonly saved = signal(false);
  protected readonly submission = submitState();
  protected readonly logoUrl = signal<string | null>(null);
  protected readonly logoError = signal<FormError | null>(null);
  protected readonly logoBusy = signal(false);

  protected readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    legalName: ['', Validators.maxLength(200)],
    siren: ['', siren],
    siret: ['', Validators.maxLength(14)],
    vatNumber: ['', Validators.maxLength(13)],
    addressLine1: ['', Validators.maxLength(200)],
    addressLine2: ['', Validators.maxLength(200)],
    postcode: ['', Validators.maxLength(16)],
    city: ['', Validators.maxLength(120)],
    country: ['FR', [Validators.required, Validators.minLength(2), Validators.maxLength(2)]],
    timeZone: ['Europe/Paris', [Validators.required, Validators.maxLength(64)]],
    defaultLocale: ['fr' as Locale, Validators.required],
    currency: ['EUR' as Currency, Validators.required],
    fiscalYearStartMonth: [1, [Validators.required, Validators.min(1), Validators.max(12)]],
    boardSuppressionThreshold: [3, [Validators.required, Validators.min(2), Validators.max(100)]],
    boardSeesRounds: [false],
  });

  constructor() {
    this.service.get().subscribe({
      next: (settings) => this.show(settings),
      error: (failure: unknown) => this.loadError.set(genericError(failure)),
    });
  }

  protected save(): void {
    this.saved.set(false);
    submitForm(this.form, this.submission, () => this.service.update(this.request()), (settings) => {
      this.show(settings);
      this.saved.set(true);
    });
  }

  protected async chooseLogo(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) {
      return;
    }
    this.logoError.set(null);
    if (!(LOGO_CONTENT_TYPES as readonly string[]).includes(file.type)) {
      this.logoError.set({ key: 'orgSettings.logo.wrongType' });
      return;
    }
    if (file.size > LOGO_MAX_BYTES) {
      this.logoError.set({ key: 'orgSettings.logo.tooLarge', params: { max: Math.round(LOGO_MAX_BYTES / 1024) } });
      return;
    }
    const dataUrl = await readFile(file);
    this.logoBusy.set(true);
    this.service.uploadLogo(file.type as LogoContentType, dataUrl.slice(dataUrl.indexOf(',') + 1)).subscribe({
      next: () => {
        this.logoBusy.set(false);
        this.logoUrl.set(dataUrl);
      },
      error: (failure: unknown) => {
        this.logoBusy.set(false);
        this.logoError.set(genericError(failure));
      },
    });
  }

  protected removeLogo(): void {
    this.logoBusy.set(true);
    this.service.deleteLogo().subscribe({
      next: () => {
        this.logoBusy.set(false);
        this.logoUrl.set(null);
      },
      error: (failure: unknown) => {
        this.logoBusy.set(false);
        this.logoError.set(genericError(failure));
      },
    });
  }

  private show(settings: OrganisationSettings): void {
    this.settings.set(settings);
    this.form.reset({
      name: settings.name,
      legalName: settings.legalName ?? '',
      siren: settings.siren ?? '',
      siret: settings.siret ?? '',
      vatNumber: settings.vatNumber ?? '',
      addressLine1: settings.addressLine1 ?? '',
      addressLine2: settings.addressLine2 ?? '',
      postcode: settings.postcode ?? '',
      city: settings.city ?? '',
      country: settings.country,
      timeZone: settings.timeZone,
      defaultLocale: settings.defaultLocale,
      currency: settings.currency,
      fiscalYearStartMonth: settings.fiscalYearStartMonth,
      boardSuppressionThreshold: settings.boardSuppressionThreshold,
      boardSeesRounds: settings.boardSeesRounds,
    });
    if (settings.hasLogo && !this.logoUrl()) {
      this.service.logo().subscribe({ next: async (blob) => this.logoUrl.set(await readFile(blob)), error: () => this.logoUrl.set(null) });
    }
  }

  private request(): UpdateOrganisationSettingsRequest {
    const value = this.form.getRawValue();
    return {
      name: value.name.trim(),
      legalName: blankToNull(value.legalName),
      siren: blankToNull(value.siren),
      siret: blankToNull(value.siret),
      vatNumber: blankToNull(value.vatNumber.toUpperCase().replace(/\s/g, '')),
      addressLine1: blankToNull(value.addressLine1),
      addressLine2: blankToNull(value.addressLine2),
      postcode: blankToNull(value.postcode),
      city: blankToNull(value.city),
      country: value.country.trim().toUpperCase(),
      timeZone: value.timeZone.trim(),
      defaultLocale: value.defaultLocale,
      currency: value.currency,
      fiscalYearStartMonth: Number(value.fiscalYearStartMonth),
      boardSuppressionThreshold: Number(value.boardSuppressionThreshold),
      boardSeesRounds: value.boardSeesRounds,
    };
  }
}
