import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import {
  APPLICATION_TRANSITIONS,
  ApplicationDetailResponse,
  ChangeApplicationStatusRequest,
  Decision,
} from '@incubator/contracts';
import { filter, Observable } from 'rxjs';
import { fileDownloads } from '../../../core/api/file-download';
import { formatInstant, formatScore, localised } from '../../../core/applications/application-format';
import { ApplicationsService } from '../../../core/applications/applications.service';
import { apiError, FormError, genericError } from '../../../core/forms/api-error';
import { FormErrorComponent } from '../../../core/forms/form-error.component';
import { LocaleService } from '../../../core/i18n/locale.service';
import { ConfirmDialogData } from '../../../core/ui/confirm-dialog.component';
import { ApplicationAnswersComponent } from '../../review/answers.component';
import { DecisionDialogComponent } from './decision-dialog.component';
import { PitchDialogComponent, PitchDialogData } from './pitch-dialog.component';

/**
 * One application for the managers: its answers and files, every review with the per-criterion
 * means and spreads, the conflicts declared; then the moves of the pipeline (shortlist, schedule the
 * pitch) and the decision — admit, reject or waitlist — each confirmed first, the decision mail
 * being sent once in the applicant's language.
 */
@Component({
  selector: 'app-application-detail-page',
  imports: [ApplicationAnswersComponent, FormErrorComponent, MatButtonModule, RouterLink, TranslocoDirective],
  templateUrl: './application-detail.page.html',
  styleUrl: './calls.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApplicationDetailPage {
  private readonly api = inject(ApplicationsService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly params = inject(ActivatedRoute).snapshot.paramMap;
  protected readonly callId = this.params.get('callId') ?? '';
  private readonly applicationId = this.params.get('applicationId') ?? '';
  protected readonly locale = inject(LocaleService).locale;

  protected readonly application = signal<ApplicationDetailResponse | null>(null);
  protected readonly loadError = signal<FormError | null>(null);
  protected readonly actionError = signal<FormError | null>(null);
  /** Admitting met a startup that already has the SIREN: the manager may enrol it instead. */
  protected readonly existingStartupId = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly downloads = fileDownloads();
  protected readonly moves = computed(() => {
    const application = this.application();
    return application
      ? APPLICATION_TRANSITIONS[application.status].filter(
          (s): s is Exclude<ChangeApplicationStatusRequest['status'], 'pitch'> => s !== 'pitch' && s !== 'draft' && s !== 'decided',
        )
      : [];
  });
  protected readonly canPitch = computed(() => {
    const status = this.application()?.status;
    return !!status && (APPLICATION_TRANSITIONS[status].includes('pitch') || status === 'pitch');
  });
  protected readonly text = localised;
  protected readonly score = formatScore;
  protected readonly instant = formatInstant;

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loadError.set(null);
    this.api.getApplication(this.applicationId).subscribe({
      next: (application) => this.application.set(application),
      error: (error: unknown) => this.loadError.set(genericError(error)),
    });
  }

  protected criterionStat(criterionId: string): { mean: number | null; spread: number | null } {
    return this.application()?.criterionStats.find((s) => s.criterionId === criterionId) ?? { mean: null, spread: null };
  }

  protected reviewScore(scores: { criterionId: string; score: number }[], criterionId: string): string {
    const found = scores.find((s) => s.criterionId === criterionId);
    return found ? String(found.score) : '–';
  }

  protected move(status: ChangeApplicationStatusRequest['status']): void {
    this.run(this.api.changeStatus(this.applicationId, { status }), 'applications.detail.moved');
  }

  protected schedulePitch(): void {
    const application = this.application();
    if (!application) {
      return;
    }
    this.dialog
      .open<PitchDialogComponent, PitchDialogData, ApplicationDetailResponse>(PitchDialogComponent, {
        data: { applicationId: application.id, startupName: application.startupName, pitchAt: application.pitchAt },
        width: '28rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(filter((saved): saved is ApplicationDetailResponse => !!saved))
      .subscribe((saved) => {
        this.application.set(saved);
        this.notify('applications.detail.pitchScheduled');
      });
  }

  protected decide(decision: Decision, useExistingStartup = false): void {
    const application = this.application();
    if (!application) {
      return;
    }
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(key, params);
    this.dialog
      .open<DecisionDialogComponent, ConfirmDialogData, boolean>(DecisionDialogComponent, {
        data: {
          title: t(`applications.detail.confirm.${decision}Title`, { name: application.startupName }),
          text: t(`applications.detail.confirm.${decision}Text`, {
            email: application.email,
            language: t(`language.${application.locale}`),
          }),
          confirm: t(`applications.detail.decide.${decision}`),
          cancel: t('applications.cancel'),
        },
        width: '30rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(filter((confirmed) => confirmed === true))
      .subscribe(() => {
        this.existingStartupId.set(null);
        this.run(this.api.decide(this.applicationId, { decision, useExistingStartup }), `applications.detail.decided.${decision}`);
      });
  }

  protected download(questionId: string): void {
    this.downloads.start(this.api.applicationFile(this.applicationId, questionId), 'application.pdf');
  }

  private run(request: Observable<ApplicationDetailResponse>, doneKey: string): void {
    if (this.busy()) {
      return;
    }
    this.busy.set(true);
    this.actionError.set(null);
    request.subscribe({
      next: (saved) => {
        this.busy.set(false);
        this.application.set(saved);
        this.notify(doneKey);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const body = apiError(error);
        if (body?.code === 'startup.siren_taken') {
          const startupId = body.details?.['startupId'];
          this.existingStartupId.set(typeof startupId === 'string' ? startupId : '');
        }
        this.actionError.set(genericError(error));
      },
    });
  }

  private notify(key: string): void {
    this.snackBar.open(this.transloco.translate(key), undefined, { duration: 5000 });
  }
}
