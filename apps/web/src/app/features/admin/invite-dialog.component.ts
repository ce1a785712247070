import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import {
  InvitationResponse,
  InviteRequest,
  Locale,
  ROLES,
  Role,
  StartupSummary,
  SUPPORTED_LOCALES,
} from '@incubator/contracts';
import { catchError, debounceTime, distinctUntilChanged, map, of, Subject, switchMap } from 'rxjs';
import { apiError, httpStatus } from '../../core/forms/api-error';
import { FieldErrorComponent } from '../../core/forms/field-error.component';
import { submitForm, submitState } from '../../core/forms/submit-form';
import { VALIDATE_WHILE_TYPING } from '../../core/forms/form-validation';
import { LocaleService } from '../../core/i18n/locale.service';
import { StartupsService } from '../../core/startups/startups.service';
import { UsersService } from '../../core/users/users.service';
import { DialogShellComponent } from '../../core/ui/dialog-shell/dialog-shell.component';
import { FormFieldComponent } from '../../core/ui/form-field/form-field.component';

/** How long the startup picker waits for the admin to stop typing before it searches. */
export const STARTUP_SEARCH_DELAY_MS = 250;

function isStartup(value: unknown): value is StartupSummary {
  return typeof value === 'object' && value !== null && typeof (value as StartupSummary).id === 'string';
}

/** A startup member belongs to one startup, picked from the list (not just typed). */
function startupChosen(control: AbstractControl): ValidationErrors | null {
  return isStartup(control.value) ? null : { startupRequired: true };
}

/** Invites a member by email; closes with the new invitation once the API has accepted it. */
@Component({
  selector: 'app-invite-dialog',
  imports: [
    DialogShellComponent,
    FieldErrorComponent,
    FormFieldComponent,
    MatAutocompleteModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
    TranslocoDirective,
  ],
  providers: [VALIDATE_WHILE_TYPING],
  templateUrl: './invite-dialog.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InviteDialogComponent {
  private readonly users = inject(UsersService);
  private readonly startups = inject(StartupsService);
  private readonly dialogRef = inject<MatDialogRef<InviteDialogComponent, InvitationResponse>>(MatDialogRef);
  private readonly startupQueries = new Subject<string>();

  protected readonly roles = ROLES;
  protected readonly locales = SUPPORTED_LOCALES;
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    role: new FormControl<Role | null>(null, Validators.required),
    startup: new FormControl<StartupSummary | null>(null),
    locale: [inject(LocaleService).locale() as Locale],
  });
  protected readonly role = toSignal(this.form.controls.role.valueChanges, { initialValue: null });
  protected readonly startupOptions = signal<StartupSummary[] | null>(null);
  protected readonly submission = submitState();
  protected readonly startupLabel = (startup: StartupSummary | null) => startup?.legalName ?? '';

  constructor() {
    this.startupQueries
      .pipe(
        debounceTime(STARTUP_SEARCH_DELAY_MS),
        distinctUntilChanged(),
        switchMap((q) =>
          this.startups.list({ q: q.trim(), limit: 10, offset: 0 }).pipe(
            map((page) => page.items),
            catchError(() => of([])),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((startups) => this.startupOptions.set(startups));

    const { role, startup } = this.form.controls;
    role.valueChanges.pipe(takeUntilDestroyed()).subscribe((value) => {
      if (value === 'startup') {
        startup.setValidators([Validators.required, startupChosen]);
        this.startupQueries.next('');
      } else {
        startup.clearValidators();
        startup.setValue(null);
      }
      startup.updateValueAndValidity();
    });
  }

  /** With `requireSelection`, typed text never reaches the control: only a picked startup does. */
  protected searchStartups(event: Event): void {
    this.startupQueries.next((event.target as HTMLInputElement).value);
  }

  protected submit(): void {
    submitForm(
      this.form,
      this.submission,
      () => {
        const { email, role, startup, locale } = this.form.getRawValue();
        const request: InviteRequest = { email: email.trim(), role: role as Role, locale };
        if (role === 'startup' && isStartup(startup)) {
          request.startupId = startup.id;
        }
        return this.users.invite(request);
      },
      (invitation) => this.dialogRef.close(invitation),
      { startupId: 'startup' },
      (error) => {
        const message = apiError(error)?.message;
        if (httpStatus(error) !== 409 || !message) {
          return undefined;
        }
        // Already a member, or already invited: about the email, so said at the email.
        this.form.controls.email.setErrors({ server: message });
        this.form.controls.email.markAsTouched();
        return null;
      },
    );
  }
}
