import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
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
import { ConfirmDialogComponent, ConfirmDialogData } from '../../../core/ui/confirm-dialog.component';
import { CohortDialogComponent, CohortDialogData } from './cohort-dialog.component';
import { ProgramEditDialogComponent, ProgramEditDialogData } from './program-edit-dialog.component';
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
  imports: [CalendarDatePipe, LocalNumberPipe, MatButtonModule, MatSlideToggleModule, RouterLink, TranslocoDirective],
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
  /** Archived programs and cohorts are listed (greyed, with a restore action) only when asked for. */
  protected readonly showArchived = signal(false);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.failed.set(false);
    forkJoin({
      organisation: this.organisation.get(),
      programs: this.programsApi.listPrograms(null, this.showArchived()),
      cohorts: this.programsApi.listCohorts(null, this.showArchived()),
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

  protected toggleArchived(show: boolean): void {
    this.showArchived.set(show);
    this.load();
  }

  protected openEditProgram(program: ProgramResponse): void {
    this.dialog
      .open<ProgramEditDialogComponent, ProgramEditDialogData, ProgramResponse>(ProgramEditDialogComponent, {
        data: { program },
        width: '32rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(filter((saved): saved is ProgramResponse => !!saved))
      .subscribe((saved) => {
        this.update((c) => ({ ...c, programs: c.programs.map((x) => (x.id === saved.id ? saved : x)) }));
        this.notify('programEdit.saved', { name: saved.name });
      });
  }

  /** Archives (after a confirmation) or restores a program; an archived one leaves the list unless archived ones are shown. */
  protected setProgramArchived(program: ProgramResponse, archived: boolean): void {
    this.confirmArchive(archived, 'program', program.name, () =>
      this.programsApi.setProgramArchived(program.id, archived).subscribe({
        next: (saved) => {
          this.update((c) => ({
            ...c,
            programs: archived && !this.showArchived() ? c.programs.filter((x) => x.id !== saved.id) : c.programs.map((x) => (x.id === saved.id ? saved : x)),
          }));
          this.notify(archived ? 'programEdit.programArchived' : 'programEdit.programRestored', { name: saved.name });
        },
        error: () => this.notify('programEdit.failed', {}),
      }),
    );
  }

  protected setCohortArchived(cohort: CohortResponse, archived: boolean): void {
    this.confirmArchive(archived, 'cohort', cohort.name, () =>
      this.programsApi.setCohortArchived(cohort.id, archived).subscribe({
        next: (saved) => {
          this.update((c) => ({
            ...c,
            cohorts: archived && !this.showArchived() ? c.cohorts.filter((x) => x.id !== saved.id) : c.cohorts.map((x) => (x.id === saved.id ? saved : x)),
          }));
          this.notify(archived ? 'programEdit.cohortArchived' : 'programEdit.cohortRestored', { name: saved.name });
        },
        error: () => this.notify('programEdit.failed', {}),
      }),
    );
  }

  /** Restoring needs no confirmation; archiving says what stays. */
  private confirmArchive(archived: boolean, what: 'program' | 'cohort', name: string, run: () => void): void {
    if (!archived) {
      run();
      return;
    }
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
        data: {
          title: this.transloco.translate(`programEdit.confirm.${what}Title`, { name }),
          text: this.transloco.translate(`programEdit.confirm.${what}Text`),
          confirm: this.transloco.translate('programEdit.archive'),
          cancel: this.transloco.translate('programEdit.cancel'),
        },
        width: '28rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(filter((confirmed) => confirmed === true))
      .subscribe(run);
  }

  private update(change: (catalogue: Catalogue) => Catalogue): void {
    this.catalogue.update((catalogue) => (catalogue ? change(catalogue) : catalogue));
  }

  private notify(key: string, params: Record<string, unknown>): void {
    this.snackBar.open(this.transloco.translate(key, params), undefined, { duration: 5000 });
  }
}
