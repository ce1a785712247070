import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { ActivatedRoute } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { PublicCallResponse } from '@incubator/contracts';
import { ApplicationsService } from '../../core/applications/applications.service';
import { formatDay } from '../../core/applications/application-format';
import { FormError, genericError, httpStatus } from '../../core/forms/api-error';
import { FormErrorComponent } from '../../core/forms/form-error.component';
import { submitForm, submitState } from '../../core/forms/submit-form';
import { LocaleService } from '../../core/i18n/locale.service';
import { FormFieldComponent } from '../../core/ui/form-field/form-field.component';
import { normaliseSiren, optionalSiren } from './apply-validators';

type CallState =
  | { kind: 'loading' }
  | { kind: 'ready'; call: PublicCallResponse }
  | { kind: 'notFound' }
  | { kind: 'failed'; error: FormError };

/**
 * The public page of a call (no account): what the call is, then the e-mail, the startup's name and
 * its SIREN; the API mails a magic link that opens the draft. Someone who already started asks for
 * a new link with their e-mail.
 */
@Component({
  selector: 'app-apply-page',
  imports: [FormErrorComponent, FormFieldComponent, MatButtonModule, ReactiveFormsModule, TranslocoDirective],
  templateUrl: './apply.page.html',
  styleUrl: './apply.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApplyPage {
  private readonly api = inject(ApplicationsService);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly locale = inject(LocaleService).locale;

  private readonly params = toSignal(inject(ActivatedRoute).paramMap, { requireSync: true });
  protected readonly organisationSlug = () => this.params().get('organisationSlug') ?? '';
  protected readonly callSlug = () => this.params().get('callSlug') ?? '';

  protected readonly state = signal<CallState>({ kind: 'loading' });
  protected readonly sentTo = signal<string | null>(null);
  protected readonly resumeSentTo = signal<string | null>(null);
  protected readonly showResume = signal(false);
  protected readonly day = formatDay;

  protected readonly form = this.fb.group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    startupName: ['', [Validators.required, Validators.maxLength(200)]],
    siren: ['', [optionalSiren]],
  });
  protected readonly submission = submitState();

  protected readonly resumeForm = this.fb.group({ email: ['', [Validators.required, Validators.email]] });
  protected readonly resumeSubmission = submitState();

  constructor() {
    // The call's texts follow the language toggle.
    effect(() => {
      const locale = this.locale();
      const organisationSlug = this.organisationSlug();
      const callSlug = this.callSlug();
      untracked(() => this.load(organisationSlug, callSlug, locale));
    });
  }

  private load(organisationSlug: string, callSlug: string, locale: 'fr' | 'en'): void {
    if (this.state().kind !== 'ready') {
      this.state.set({ kind: 'loading' });
    }
    this.api.publicCall(organisationSlug, callSlug, locale).subscribe({
      next: (call) => this.state.set({ kind: 'ready', call }),
      error: (error: unknown) =>
        this.state.set(httpStatus(error) === 404 ? { kind: 'notFound' } : { kind: 'failed', error: genericError(error) }),
    });
  }

  protected start(): void {
    const value = this.form.getRawValue();
    submitForm(
      this.form,
      this.submission,
      () =>
        this.api.startApplication(this.organisationSlug(), this.callSlug(), {
          email: value.email.trim(),
          startupName: value.startupName.trim(),
          siren: normaliseSiren(value.siren),
          locale: this.locale(),
        }),
      (answer) => this.sentTo.set(answer.email),
    );
  }

  protected resume(): void {
    const email = this.resumeForm.getRawValue().email.trim();
    submitForm(
      this.resumeForm,
      this.resumeSubmission,
      () => this.api.resumeApplication(this.organisationSlug(), this.callSlug(), { email, locale: this.locale() }),
      () => this.resumeSentTo.set(email),
    );
  }
}
