import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import {
  ApplicationListQuery,
  ApplicationStatus,
  ApplicationSummaryResponse,
  CallResponse,
  CallReviewerResponse,
  FunnelResponse,
} from '@incubator/contracts';
import { debounceTime, filter, forkJoin, Observable } from 'rxjs';
import { fileDownloads } from '../../../core/api/file-download';
import { formatDay, formatInstant, formatScore, localised } from '../../../core/applications/application-format';
import { ApplicationsService } from '../../../core/applications/applications.service';
import { FormError, genericError } from '../../../core/forms/api-error';
import { FormErrorComponent } from '../../../core/forms/form-error.component';
import { SelectFieldComponent, SelectOption } from '../../../core/forms/select-field.component';
import { LocalNumberPipe } from '../../../core/i18n/local-number.pipe';
import { LocaleService } from '../../../core/i18n/locale.service';
import { FormFieldComponent } from '../../../core/ui/form-field/form-field.component';
import { byStatus, funnelSteps, PIPELINE_COLUMNS } from './pipeline';
import { ConfirmDialogComponent, ConfirmDialogData } from '../../../core/ui/confirm-dialog.component';
import { ReviewersDialogComponent, ReviewersDialogData } from './reviewers-dialog.component';

/**
 * A call's pipeline: its state and public page, open/close, the jury and the assignment, the funnel
 * figures, then the applications ranked (weighted average, spread with the disagreement flag,
 * reviews) as a table or a board by status, filtered, and exported as CSV or XLSX.
 */
@Component({
  selector: 'app-call-pipeline-page',
  imports: [
    FormErrorComponent,
    FormFieldComponent,
    LocalNumberPipe,
    MatButtonModule,
    MatCheckboxModule,
    ReactiveFormsModule,
    RouterLink,
    SelectFieldComponent,
    TranslocoDirective,
  ],
  templateUrl: './call-pipeline.page.html',
  styleUrls: ['./calls.scss', './call-pipeline.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CallPipelinePage {
  private readonly api = inject(ApplicationsService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly callId = inject(ActivatedRoute).snapshot.paramMap.get('callId') ?? '';

  protected readonly call = signal<CallResponse | null>(null);
  protected readonly reviewers = signal<CallReviewerResponse[]>([]);
  protected readonly funnel = signal<FunnelResponse | null>(null);
  protected readonly rows = signal<ApplicationSummaryResponse[] | null>(null);
  protected readonly loadError = signal<FormError | null>(null);
  protected readonly actionError = signal<FormError | null>(null);
  protected readonly busy = signal(false);
  protected readonly view = signal<'table' | 'board'>('table');
  protected readonly downloads = fileDownloads();

  protected readonly statusFilter = new FormControl('', { nonNullable: true });
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly disagreementOnly = new FormControl(false, { nonNullable: true });
  protected readonly sort = new FormControl('rank', { nonNullable: true });

  protected readonly statusOptions = computed<SelectOption[]>(() => {
    this.locale();
    return [
      { value: '', label: this.transloco.translate('applications.all') },
      ...PIPELINE_COLUMNS.map((value) => ({ value, label: this.transloco.translate(`applications.status.${value}`) })),
    ];
  });
  protected readonly sortOptions = computed<SelectOption[]>(() => {
    this.locale();
    return ['rank', 'submitted'].map((value) => ({ value, label: this.transloco.translate(`applications.pipeline.sort.${value}`) }));
  });
  protected readonly columns = computed(() => byStatus(this.rows() ?? []));
  protected readonly steps = computed(() => {
    const funnel = this.funnel();
    return funnel ? funnelSteps(funnel) : [];
  });

  protected readonly day = formatDay;
  protected readonly instant = formatInstant;
  protected readonly score = formatScore;
  protected readonly text = localised;

  constructor() {
    this.load();
    this.search.valueChanges.pipe(debounceTime(300)).subscribe(() => this.loadRows());
    for (const control of [this.statusFilter, this.disagreementOnly, this.sort]) {
      (control as FormControl<unknown>).valueChanges.subscribe(() => this.loadRows());
    }
  }

  protected load(): void {
    this.loadError.set(null);
    forkJoin({
      call: this.api.getCall(this.callId),
      reviewers: this.api.listReviewers(this.callId),
      funnel: this.api.callFunnel(this.callId),
    }).subscribe({
      next: ({ call, reviewers, funnel }) => {
        this.call.set(call);
        this.reviewers.set(reviewers);
        this.funnel.set(funnel);
      },
      error: (error: unknown) => this.loadError.set(genericError(error)),
    });
    this.loadRows();
  }

  private listQuery(): ApplicationListQuery {
    return {
      status: (this.statusFilter.value || undefined) as ApplicationStatus | undefined,
      q: this.search.value.trim() || undefined,
      disagreement: this.disagreementOnly.value || undefined,
      sort: this.sort.value as 'rank' | 'submitted',
    };
  }

  protected loadRows(): void {
    this.api.listApplications(this.callId, this.listQuery()).subscribe({
      next: (rows) => this.rows.set(rows),
      error: (error: unknown) => this.loadError.set(genericError(error)),
    });
  }

  protected setOpen(open: boolean): void {
    this.run(this.api.setCallOpen(this.callId, open), (call) => {
      this.call.set(call);
      this.notify(open ? 'applications.pipeline.opened' : 'applications.pipeline.closed');
    });
  }

  protected assign(): void {
    this.run(this.api.assign(this.callId), (result) => {
      this.notify('applications.pipeline.assigned', { created: result.created, applications: result.applications });
      this.load();
    });
  }

  /** Only a draft call without applications can go (the API says so too). */
  protected remove(): void {
    const call = this.call();
    if (!call) {
      return;
    }
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(key, params);
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
        data: {
          title: t('applications.pipeline.deleteTitle', { title: localised(call.title, this.locale()) }),
          text: t('applications.pipeline.deleteText'),
          confirm: t('applications.pipeline.delete'),
          cancel: t('applications.cancel'),
        },
        width: '28rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(filter((confirmed) => confirmed === true))
      .subscribe(() =>
        this.run(this.api.deleteCall(call.id), () => {
          this.notify('applications.pipeline.deleted');
          void this.router.navigate(['/manage/calls']);
        }),
      );
  }

  protected openReviewers(): void {
    this.dialog
      .open<ReviewersDialogComponent, ReviewersDialogData, CallReviewerResponse[]>(ReviewersDialogComponent, {
        data: { callId: this.callId, current: this.reviewers() },
        width: '32rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(filter((saved): saved is CallReviewerResponse[] => !!saved))
      .subscribe((saved) => {
        this.reviewers.set(saved);
        this.notify('applications.reviewers.saved', { count: saved.length });
      });
  }

  protected export(format: 'csv' | 'xlsx'): void {
    const call = this.call();
    const { status, q } = this.listQuery();
    this.downloads.start(this.api.exportApplications(this.callId, format, { status, q }), `${call?.slug ?? 'applications'}.${format}`);
  }

  private run<T>(request: Observable<T>, done: (value: T) => void): void {
    if (this.busy()) {
      return;
    }
    this.busy.set(true);
    this.actionError.set(null);
    request.subscribe({
      next: (value) => {
        this.busy.set(false);
        done(value);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.actionError.set(genericError(error));
      },
    });
  }

  private notify(key: string, params: Record<string, unknown> = {}): void {
    this.snackBar.open(this.transloco.translate(key, params), undefined, { duration: 5000 });
  }
}
