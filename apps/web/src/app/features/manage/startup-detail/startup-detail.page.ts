import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import {
  CohortResponse,
  EnrollmentResponse,
  MilestoneResponse,
  Permission,
  StartupResponse,
} from '@incubator/contracts';
import { catchError, forkJoin, map, of, switchMap } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { FormError, formError, httpStatus } from '../../../core/forms/api-error';
import { SelectFieldComponent, SelectOption } from '../../../core/forms/select-field.component';
import { VALIDATE_WHILE_TYPING } from '../../../core/forms/form-validation';
import { CalendarDatePipe, formatCalendarDate } from '../../../core/i18n/calendar-date.pipe';
import { LocalDatePipe } from '../../../core/i18n/local-date.pipe';
import { LocalNumberPipe } from '../../../core/i18n/local-number.pipe';
import { LocaleService } from '../../../core/i18n/locale.service';
import { MilestonesService } from '../../../core/milestones/milestones.service';
import { lastDayFromEndsOn } from '../../../core/programs/cohort-dates';
import { ProgramsService } from '../../../core/programs/programs.service';
import { StartupsService } from '../../../core/startups/startups.service';
import { MilestoneListComponent, upsertMilestone } from '../../pipeline/milestones/milestone-list.component';
import { StartupForm, startupForm, toUpdateRequest } from '../../pipeline/startup-form/startup-form';
import { StartupFieldsComponent } from '../../pipeline/startup-form/startup-fields.component';
import { EnrollmentCardComponent } from './enrollment-card.component';
import { StartupContactsComponent } from './startup-contacts.component';
import { StartupKpisComponent } from './startup-kpis.component';
import { buildTimeline } from './timeline';

type PageState = 'loading' | 'loaded' | 'notFound' | 'failed';

/**
 * One startup for a manager: its profile, its way through cohorts (enroll, admit, graduate…), its
 * milestones with the reviewers' comments, and all of it on one timeline.
 */
@Component({
  selector: 'app-startup-detail-page',
  imports: [
    CalendarDatePipe,
    EnrollmentCardComponent,
    LocalDatePipe,
    LocalNumberPipe,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MilestoneListComponent,
    ReactiveFormsModule,
    RouterLink,
    SelectFieldComponent,
    StartupContactsComponent,
    StartupFieldsComponent,
    StartupKpisComponent,
    TranslocoDirective,
  ],
  providers: [VALIDATE_WHILE_TYPING],
  templateUrl: './startup-detail.page.html',
  styleUrl: './startup-detail.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StartupDetailPage {
  private readonly route = inject(ActivatedRoute);
  private readonly startupsApi = inject(StartupsService);
  private readonly programs = inject(ProgramsService);
  private readonly milestonesApi = inject(MilestonesService);
  private readonly auth = inject(AuthService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly locale = inject(LocaleService).locale;
  protected readonly state = signal<PageState>('loading');
  protected readonly startup = signal<StartupResponse | null>(null);
  protected readonly enrollments = signal<EnrollmentResponse[]>([]);
  protected readonly milestones = signal<MilestoneResponse[]>([]);
  protected readonly cohorts = signal<CohortResponse[]>([]);
  protected readonly timeline = computed(() => buildTimeline(this.enrollments(), this.milestones()));

  protected readonly canManage = computed(() => this.can(Permission.StartupsManage));
  protected readonly canEdit = computed(() => this.can(Permission.StartupsEdit));
  protected readonly canWriteMilestones = computed(() => this.can(Permission.MilestonesWrite));
  protected readonly canReview = computed(() => this.can(Permission.MilestonesReview));
  protected readonly canReadKpis = computed(() => this.can(Permission.KpisRead) && this.can(Permission.FundingRead));

  /** Cohorts the startup is not in yet, the ones still to come first. */
  protected readonly enrollableCohorts = computed(() => {
    const taken = new Set(this.enrollments().map((e) => e.cohortId));
    return this.cohorts().filter((cohort) => !taken.has(cohort.id));
  });
  protected readonly cohortOptions = computed<SelectOption[]>(() => {
    const locale = this.locale();
    return this.enrollableCohorts().map((cohort) => {
      const first = formatCalendarDate(cohort.startsOn, locale);
      const last = formatCalendarDate(lastDayFromEndsOn(cohort.endsOn), locale);
      return { value: cohort.id, label: `${cohort.programName} — ${cohort.name} (${first} – ${last})` };
    });
  });
  protected readonly enrollForm = this.fb.group({ cohortId: ['', Validators.required] });
  protected readonly enrolling = signal(false);
  protected readonly enrollError = signal<FormError | null>(null);

  protected readonly profileForm = signal<StartupForm | null>(null);
  protected readonly saving = signal(false);
  protected readonly saveError = signal<FormError | null>(null);
  protected readonly lastDay = lastDayFromEndsOn;

  constructor() {
    this.route.paramMap
      .pipe(
        map((params) => params.get('id') ?? ''),
        switchMap((id) => {
          this.state.set('loading');
          this.profileForm.set(null);
          return forkJoin({
            startup: this.startupsApi.get(id),
            enrollments: this.programs.listEnrollments({ startupId: id }),
            milestones: this.milestonesApi.list(id).pipe(catchError(() => of([]))),
          }).pipe(catchError((error: unknown) => of(httpStatus(error))));
        }),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        if (result === null || typeof result === 'number') {
          this.state.set(result === 404 || result === 400 ? 'notFound' : 'failed');
          return;
        }
        this.startup.set(result.startup);
        this.enrollments.set(result.enrollments);
        this.milestones.set(result.milestones);
        this.state.set('loaded');
      });

    if (this.canManage()) {
      this.programs
        .listCohorts()
        .pipe(takeUntilDestroyed())
        .subscribe({ next: (cohorts) => this.cohorts.set(cohorts), error: () => undefined });
    }
  }

  protected startEdit(): void {
    const startup = this.startup();
    if (startup) {
      this.saveError.set(null);
      this.profileForm.set(startupForm(this.fb, startup));
    }
  }

  protected cancelEdit(): void {
    this.profileForm.set(null);
  }

  protected save(): void {
    const form = this.profileForm();
    const startup = this.startup();
    if (!form || !startup || this.saving()) {
      return;
    }
    if (form.invalid) {
      form.markAllAsTouched();
      return;
    }
    const change = toUpdateRequest(form, startup);
    if (Object.keys(change).length === 0) {
      this.profileForm.set(null);
      return;
    }
    this.saving.set(true);
    this.saveError.set(null);
    this.startupsApi.update(startup.id, change).subscribe({
      next: (updated) => {
        this.saving.set(false);
        this.startup.set(updated);
        this.profileForm.set(null);
        this.notify(this.transloco.translate('manage.startup.saved'));
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.saveError.set(formError(form, error));
      },
    });
  }

  protected enroll(): void {
    const startup = this.startup();
    if (!startup || this.enrolling()) {
      return;
    }
    if (this.enrollForm.invalid) {
      this.enrollForm.markAllAsTouched();
      return;
    }
    this.enrolling.set(true);
    this.enrollError.set(null);
    this.programs.enroll({ cohortId: this.enrollForm.getRawValue().cohortId, startupId: startup.id }).subscribe({
      next: (enrollment) => {
        this.enrolling.set(false);
        this.enrollForm.reset();
        this.enrollments.update((list) => [enrollment, ...list]);
      },
      error: (error: unknown) => {
        this.enrolling.set(false);
        // 409: already enrolled in this cohort (someone else was quicker).
        this.enrollError.set(formError(this.enrollForm, error));
      },
    });
  }

  protected enrollmentChanged(updated: EnrollmentResponse): void {
    this.enrollments.update((list) => list.map((e) => (e.id === updated.id ? updated : e)));
  }

  protected milestoneChanged(milestone: MilestoneResponse): void {
    this.milestones.update((list) => upsertMilestone(list, milestone));
  }

  private can(permission: Permission): boolean {
    return this.auth.permissions().includes(permission);
  }

  private notify(message: string): void {
    this.snackBar.open(message, undefined, { duration: 5000 });
  }
}
