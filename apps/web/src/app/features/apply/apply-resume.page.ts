import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { ApplicationsService } from '../../core/applications/applications.service';
import { DraftSessionStore } from '../../core/applications/draft-session.store';
import { linkToken } from '../../core/auth/link-token';
import { FormError, genericError, httpStatus } from '../../core/forms/api-error';
import { FormErrorComponent } from '../../core/forms/form-error.component';

type ResumeState = { kind: 'opening' } | { kind: 'invalid' } | { kind: 'failed'; error: FormError };

/**
 * Where the mailed magic link lands (`/apply/resume#token=…`): the single-use token is traded for a
 * draft session kept in this tab, then the draft opens at an address without the token.
 */
@Component({
  selector: 'app-apply-resume-page',
  imports: [FormErrorComponent, TranslocoDirective],
  template: `
    <div class="apply-page" *transloco="let t">
      @switch (state().kind) {
        @case ('opening') {
          <p class="muted" aria-busy="true" data-testid="apply-resume-opening">{{ t('applications.resume.opening') }}</p>
        }
        @case ('invalid') {
          <h1>{{ t('applications.resume.invalidTitle') }}</h1>
          <p data-testid="apply-resume-invalid">{{ t('applications.resume.invalid') }}</p>
        }
        @case ('failed') {
          <app-form-error [error]="$any(state()).error" testId="apply-resume-error" />
        }
      }
    </div>
  `,
  styleUrl: './apply.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApplyResumePage {
  private readonly api = inject(ApplicationsService);
  private readonly router = inject(Router);
  protected readonly state = signal<ResumeState>({ kind: 'opening' });

  constructor() {
    const token = linkToken(inject(ActivatedRoute).snapshot);
    if (!token) {
      // A reload after the token was used: the session of this tab may still be there.
      if (inject(DraftSessionStore).current()) {
        void this.router.navigate(['/apply/draft'], { replaceUrl: true });
      } else {
        this.state.set({ kind: 'invalid' });
      }
      return;
    }
    this.api.openSession(token).subscribe({
      next: () => void this.router.navigate(['/apply/draft'], { replaceUrl: true }),
      error: (error: unknown) => {
        const status = httpStatus(error);
        this.state.set(
          status === 400 || status === 401 || status === 404 || status === 410
            ? { kind: 'invalid' }
            : { kind: 'failed', error: genericError(error) },
        );
      },
    });
  }
}
