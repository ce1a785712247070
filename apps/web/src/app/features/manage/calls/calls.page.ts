import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { CALL_STATUSES, CallSummaryResponse, CohortResponse, FunnelResponse } from '@incubator/contracts';
import { forkJoin, of, startWith, switchMap } from 'rxjs';
import { funnelSteps } from './pipeline';
import { formatDay, localised } from '../../../core/applications/application-format';
import { ApplicationsService } from '../../../core/applications/applications.service';
import { SelectFieldComponent, SelectOption } from '../../../core/forms/select-field.component';
import { LocalNumberPipe } from '../../../core/i18n/local-number.pipe';
import { LocaleService } from '../../../core/i18n/locale.service';
import { ProgramsService } from '../../../core/programs/programs.service';

export interface CallFilter {
  programId: string;
  cohortId: string;
  status: string;
}

export function filterCalls(calls: readonly CallSummaryResponse[], filter: CallFilter): CallSummaryResponse[] {
  return calls.filter(
    (call) =>
      (!filter.programId || call.programId === filter.programId) &&
      (!filter.cohortId || call.cohortId === filter.cohortId) &&
      (!filter.status || call.status === filter.status),
  );
}

/** Every call of the organisation, filtered by program, cohort and status, with its public page. */
@Component({
  selector: 'app-calls-page',
  imports: [LocalNumberPipe, MatButtonModule, RouterLink, SelectFieldComponent, TranslocoDirective],
  templateUrl: './calls.page.html',
  styleUrls: ['./calls.scss', './call-pipeline.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CallsPage {
  private readonly api = inject(ApplicationsService);
  private readonly programs = inject(ProgramsService);
  private readonly transloco = inject(TranslocoService);
  protected readonly locale = inject(LocaleService).locale;
  /** "All" first in each filter, in the UI language. */
  private readonly all = computed<SelectOption>(() => {
    this.locale();
    return { value: '', label: this.transloco.translate('applications.all') };
  });

  protected readonly calls = signal<CallSummaryResponse[] | null>(null);
  protected readonly cohorts = signal<CohortResponse[]>([]);
  protected readonly failed = signal(false);

  protected readonly programFilter = new FormControl('', { nonNullable: true });
  protected readonly cohortFilter = new FormControl('', { nonNullable: true });
  protected readonly statusFilter = new FormControl('', { nonNullable: true });
  private readonly programId = toSignal(this.programFilter.valueChanges.pipe(startWith('')), { requireSync: true });
  private readonly cohortId = toSignal(this.cohortFilter.valueChanges.pipe(startWith('')), { requireSync: true });
  private readonly status = toSignal(this.statusFilter.valueChanges.pipe(startWith('')), { requireSync: true });

  protected readonly programOptions = computed<SelectOption[]>(() => {
    const seen = new Map<string, string>();
    for (const cohort of this.cohorts()) {
      seen.set(cohort.programId, cohort.programName);
    }
    const options = [...seen].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
    return [this.all(), ...options];
  });
  protected readonly cohortOptions = computed<SelectOption[]>(() => [
    this.all(),
    ...this.cohorts()
      .filter((cohort) => !this.programId() || cohort.programId === this.programId())
      .map((cohort) => ({ value: cohort.id, label: `${cohort.programName} · ${cohort.name}` })),
  ]);
  protected readonly statusOptions = computed<SelectOption[]>(() => [
    this.all(),
    ...CALL_STATUSES.map((value) => ({ value, label: this.transloco.translate(`applications.callStatus.${value}`) })),
  ]);
  protected readonly shown = computed(() =>
    filterCalls(this.calls() ?? [], { programId: this.programId(), cohortId: this.cohortId(), status: this.status() }),
  );
  /** The funnel of every call of the cohort chosen. */
  private readonly cohortFunnel = toSignal(
    this.cohortFilter.valueChanges.pipe(
      switchMap((cohortId) => (cohortId ? this.api.cohortFunnel(cohortId) : of(null))),
    ),
    { initialValue: null as FunnelResponse | null },
  );
  protected readonly funnel = computed(() => {
    const funnel = this.cohortFunnel();
    return funnel ? funnelSteps(funnel) : [];
  });
  protected readonly day = formatDay;
  protected readonly text = localised;

  constructor() {
    this.load();
  }

  protected load(): void {
    this.failed.set(false);
    forkJoin({ calls: this.api.listCalls(), cohorts: this.programs.listCohorts() }).subscribe({
      next: ({ calls, cohorts }) => {
        this.calls.set(calls);
        this.cohorts.set(cohorts);
      },
      error: () => this.failed.set(true),
    });
  }
}
