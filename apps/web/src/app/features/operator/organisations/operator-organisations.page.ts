import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import { CURRENCIES, Currency, isValidSiren, Locale, OperatorOrganisation, SUPPORTED_LOCALES } from '@incubator/contracts';
import { FormError, genericError } from '../../../core/forms/api-error';
import { FieldErrorComponent } from '../../../core/forms/field-error.component';
import { FormErrorComponent } from '../../../core/forms/form-error.component';
import { VALIDATE_WHILE_TYPING } from '../../../core/forms/form-validation';
import { submitForm, submitState } from '../../../core/forms/submit-form';
import { LocalDatePipe } from '../../../core/i18n/local-date.pipe';
import { LocaleService } from '../../../core/i18n/locale.service';
import { FormFieldComponent } from '../../../core/ui/form-field/form-field.component';
import { OperatorOrganisationsService } from './operator-organisations.service';

function siren(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value.trim();
  if (value === '') {
    return { required: true };
  }
  return isValidSiren(value) ? null : { sirenInvalid: true };
}

const blankToNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** A slug suggested from the name: "Lille — Bois Blancs" → "lille-bois-blancs". */
export function slugOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

/**
 * The operator's organisations: every one with its members, a form creating one and inviting its
 * first admin, and suspension (its members can no longer sign in; its data is kept) or reactivation.
 */
@Component({
  selector: 'app-operator-organisations-page',
  imports: [
    FieldErrorComponent,
    FormErrorComponent,
    FormFieldComponent,
    LocalDatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    ReactiveFormsModule,
    TranslocoDirective,
  ],
  providers: [VALIDATE_WHILE_TYPING],
  templateUrl: './operator-organisations.page.html',
  styleUrl: './operator-organisations.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OperatorOrganisationsPage {
  private readonly service = inject(OperatorOrganisationsService);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly locale = inject(LocaleService).locale;
  protected readonly currencies = CURRENCIES;
  protected readonly locales = SUPPORTED_LOCALES;
  protected readonly organisations = signal<OperatorOrganisation[] | null>(null);
  protected readonly listError = signal<FormError | null>(null);
  protected readonly creating = signal(false);
  protected readonly created = signal<{ name: string; email: string } | null>(null);
  protected readonly busyId = signal<string | null>(null);
  protected readonly submission = submitState();

  protected readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    slug: ['', [Validators.required, Validators.maxLength(64)]],
    legalName: ['', [Validators.required, Validators.maxLength(200)]],
    siren: ['', siren],
    siret: ['', Validators.maxLength(14)],
    vatNumber: ['', Validators.maxLength(13)],
    addressLine1: ['', Validators.maxLength(200)],
    postcode: ['', Validators.maxLength(16)],
    city: ['', Validators.maxLength(120)],
    timeZone: ['Europe/Paris', [Validators.required, Validators.maxLength(64)]],
    defaultLocale: ['fr' as Locale, Validators.required],
    currency: ['EUR' as Currency, Validators.required],
    adminEmail: ['', [Validators.required, Validators.email]],
  });

  constructor() {
    this.load();
    this.form.controls.name.valueChanges.subscribe((name) => {
      if (!this.form.controls.slug.dirty) {
        this.form.controls.slug.setValue(slugOf(name));
      }
    });
  }

  protected load(): void {
    this.service.list().subscribe({
      next: (organisations) => {
        this.listError.set(null);
        this.organisations.set(organisations);
      },
      error: (failure: unknown) => this.listError.set(genericError(failure)),
    });
  }

  protected openCreate(): void {
    this.created.set(null);
    this.creating.set(true);
  }

  protected cancelCreate(): void {
    this.creating.set(false);
    this.form.reset();
  }

  protected create(): void {
    const value = this.form.getRawValue();
    submitForm(
      this.form,
      this.submission,
      () =>
        this.service.create({
          name: value.name.trim(),
          slug: value.slug.trim(),
          legalName: value.legalName.trim(),
          siren: value.siren.trim(),
          siret: blankToNull(value.siret),
          vatNumber: blankToNull(value.vatNumber.toUpperCase().replace(/\s/g, '')),
          addressLine1: blankToNull(value.addressLine1),
          postcode: blankToNull(value.postcode),
          city: blankToNull(value.city),
          timeZone: value.timeZone.trim(),
          defaultLocale: value.defaultLocale,
          currency: value.currency,
          adminEmail: value.adminEmail.trim(),
        }),
      ({ organisation, invitation }) => {
        this.created.set({ name: organisation.name, email: invitation.email });
        this.creating.set(false);
        this.form.reset();
        this.load();
      },
    );
  }

  protected toggleSuspension(organisation: OperatorOrganisation): void {
    this.busyId.set(organisation.id);
    const request = organisation.suspendedAt ? this.service.reactivate(organisation.id) : this.service.suspend(organisation.id);
    request.subscribe({
      next: (updated) => {
        this.busyId.set(null);
        this.organisations.update((list) => (list ?? []).map((item) => (item.id === updated.id ? updated : item)));
      },
      error: (failure: unknown) => {
        this.busyId.set(null);
        this.listError.set(genericError(failure));
      },
    });
  }

  /** The list as CSV (UTF-8 with BOM, semicolons: what a French spreadsheet opens). */
  protected exportCsv(): void {
    const rows = (this.organisations() ?? []).map((o) => [o.name, o.slug, o.legalName ?? '', o.siren ?? '', o.members, o.admins, o.pendingInvitations, o.createdAt, o.suspendedAt ?? '']);
    const header = ['name', 'slug', 'legal_name', 'siren', 'members', 'admins', 'pending_invitations', 'created_at', 'suspended_at'];
    const cell = (value: string | number) => `"${String(value).replace(/"/g, '""')}"`;
    const csv = '\ufeff' + [header, ...rows].map((row) => row.map(cell).join(';')).join('\r\n');
    const link = document.createElement('a');
    link.href = `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
    link.download = 'organisations.csv';
    link.click();
  }
}
