import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { CohortResponse, Permission, ProgramResponse, SiteResponse } from '@incubator/contracts';
import { filter, forkJoin } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { CalendarDatePipe } from '../../../core/i18n/calendar-date.pipe';
import { LocalNumberPipe } from '../../../core/i18n/local-number.pipe';
import { LocaleService } from '../../../core/i18n/locale.service';
import { OrganisationService } from '../../../core/organisation/organisation.service';
import { lastDayFromEndsOn } from '../../../core/programs/cohort-dates';
import { ProgramsService } from '../../../core/programs/programs.service';
import { CohortDialogComponent, CohortDialogData } from './cohort-dialog.component';
import { ProgramDialogComponent, ProgramDialogData } from './program-dialog.component';

interface Catalogue {
  sites: SiteResponse[];
  programs: ProgramResponse[];
  cohorts: CohortResponse[];
}

export interface SiteGroup {
  siteId: string;
  siteName: string;
  city: string | null;
  programs: { program: ProgramResponse; cohorts: CohortResponse[] }[];
}

/**
 * Programs under their site, each with its cohorts (in the API's order, newest first). Every site is
 * listed, even without a program, so that a manager sees where one is missing.
 */
export function groupBySite({ sites, programs, cohorts }: Catalogue): SiteGroup[] {
  const groups = new Map<string, SiteGroup>(
    sites.map((site) => [site.id, { siteId: site.id, siteName: site.name, city: site.city, programs: [] }]),
  );
  const byName = [...programs].sort((a, b) => a.name.localeCompare(b.name));
  for (const program of byName) {
    let group = groups.get(program.siteId);
    if (!group) {
      group = { siteId: program.siteId, siteName: program.siteName, city: null, programs: [] };
      groups.set(program.siteId, group);
    }
    group.programs.push({ program, cohorts: cohorts.filter((cohort) => cohort.programId === program.id) });
  }
  return [...groups.values()];
}

/** The organisation's programs and cohorts, with their creation and the cohorts' edition. */
@Component({
  selector: 'app-programs-page',
  imports: [CalendarDatePipe, LocalNumberPipe, MatButtonModule, RouterLink, TranslocoDirective],
  templateUrl: './programs.page.html',
  styleUrl: './programs.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProgramsPage {
  private readonly programsApi = inject(ProgramsService);
  private readonly organisation = inject(OrganisationService);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  protected readonly locale = inject(LocaleService).locale;
  protected readonly canManage = computed(() => this.auth.permissions().includes(Permission.ProgramsManage));
  protected readonly catalogue = signal<Catalogue | null>(null);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly groups = computed(() => {
    const catalogue = this.catalogue();
    return catalogue ? groupBySite(catalogue) : [];
  });
  protected readonly lastDay = lastDayFromEndsOn;

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.failed.set(false);
    forkJoin({
      organisation: this.organisation.get(),
      programs: this.programsApi.listPrograms(),
      cohorts: this.programsApi.listCohorts(),
    }).subscribe({
      next: ({ organisation, programs, cohorts }) => {
        this.catalogue.set({ sites: organisation.sites, programs, cohorts });
        this.loading.set(false);
      },
      error: () => {
        this.loading.set(false);
        this.failed.set(true);
      },
    });
  }

  protected openCreateProgram(siteId?: string): void {
    const catalogue = this.catalogue();
    if (!catalogue) {
      return;
    }
    this.dialog
      .open<ProgramDialogComponent, ProgramDialogData, ProgramResponse>(ProgramDialogComponent, {
        data: { sites: catalogue.sites, siteId },
        width: '32rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(filter((program): program is ProgramResponse => !!program))
      .subscribe((program) => {
        this.update((c) => ({ ...c, programs: [...c.programs, program] }));
        this.notify('manage.programs.created', { name: program.name });
      });
  }

  protected openCohort(program: ProgramResponse, cohort?: CohortResponse): void {
    this.dialog
      .open<CohortDialogComponent, CohortDialogData, CohortResponse>(CohortDialogComponent, {
        data: { program, cohort },
        width: '32rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(filter((saved): saved is CohortResponse => !!saved))
      .subscribe((saved) => {
        this.update((c) => ({
          ...c,
          cohorts: cohort ? c.cohorts.map((x) => (x.id === saved.id ? saved : x)) : [saved, ...c.cohorts],
        }));
        this.notify(cohort ? 'manage.cohorts.updated' : 'manage.cohorts.created', { name: saved.name });
      });
  }

  private update(change: (catalogue: Catalogue) => Catalogue): void {
    this.catalogue.update((catalogue) => (catalogue ? change(catalogue) : catalogue));
  }

  private notify(key: string, params: Record<string, unknown>): void {
    this.snackBar.open(this.transloco.translate(key, params), undefined, { duration: 5000 });
  }
}
