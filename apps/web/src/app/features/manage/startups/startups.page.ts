import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import {
  CohortResponse,
  ENROLLMENT_STATUSES,
  PageResponse,
  Permission,
  ProgramResponse,
  SECTORS,
  SiteResponse,
  STAGES,
  StartupResponse,
} from '@incubator/contracts';
import {
  catchError,
  combineLatest,
  debounceTime,
  distinctUntilChanged,
  filter,
  forkJoin,
  map,
  of,
  startWith,
  Subject,
  switchMap,
  tap,
} from 'rxjs';
import { attachmentName, saveFile } from '../../../core/api/save-file';
import { AuthService } from '../../../core/auth/auth.service';
import { genericError } from '../../../core/forms/api-error';
import { CalendarDatePipe } from '../../../core/i18n/calendar-date.pipe';
import { LocalDatePipe } from '../../../core/i18n/local-date.pipe';
import { LocaleService } from '../../../core/i18n/locale.service';
import { OrganisationService } from '../../../core/organisation/organisation.service';
import { ProgramsService } from '../../../core/programs/programs.service';
import { ExportFormat, StartupsService } from '../../../core/startups/startups.service';
import {
  changeFilter,
  filterFromParams,
  filterToParams,
  sameFilter,
  sortFrom,
  sortState,
  STARTUP_PAGE_SIZES,
  StartupFilter,
  toExportQuery,
  toListQuery,
} from './startup-filter';
import { StartupDialogComponent } from './startup-dialog.component';
import { StartupImportDialogComponent } from './import/startup-import-dialog.component';

/** How long the search box waits for the manager to stop typing. */
export const STARTUP_SEARCH_DELAY_MS = 300;

interface Listing {
  page: PageResponse<StartupResponse> | null;
  loading: boolean;
  failed: boolean;
}

interface Catalogue {
  sites: SiteResponse[];
  programs: ProgramResponse[];
  cohorts: CohortResponse[];
}

/** Every startup of the organisation: filtered, sorted and paged from the address, exported as CSV or XLSX. */
@Component({
  selector: 'app-startups-page',
  imports: [
    CalendarDatePipe,
    LocalDatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatSortModule,
    MatTableModule,
    RouterLink,
    TranslocoDirective,
  ],
  templateUrl: './startups.page.html',
  styleUrl: './startups.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StartupsPage {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly startups = inject(StartupsService);
  private readonly programsApi = inject(ProgramsService);
  private readonly organisation = inject(OrganisationService);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly reloads = new Subject<void>();

  protected readonly locale = inject(LocaleService).locale;
  protected readonly pageSizes = STARTUP_PAGE_SIZES;
  protected readonly statuses = ENROLLMENT_STATUSES;
  protected readonly sectors = SECTORS;
  protected readonly stages = STAGES;
  protected readonly columns = ['name', 'sector', 'stage', 'enrollment', 'foundedOn', 'createdAt'];
  protected readonly canCreate = computed(() => this.auth.permissions().includes(Permission.StartupsManage));
  protected readonly filter = toSignal(this.route.queryParamMap.pipe(map(filterFromParams)), { requireSync: true });
  protected readonly sort = computed(() => sortState(this.filter().sort));
  protected readonly hasFilters = computed(() => {
    const f = this.filter();
    return !!(f.q || f.siteId || f.programId || f.cohortId || f.status || f.sector || f.stage);
  });
  /** How many of the selects (the filters a phone folds away) are set: the folded toggle says so. */
  protected readonly selectedFilters = computed(() => {
    const f = this.filter();
    return [f.siteId, f.programId, f.cohortId, f.status, f.sector, f.stage].filter(Boolean).length;
  });
  /** On a phone the selects fold behind a toggle so that the first result shows without scrolling. */
  protected readonly filtersOpen = signal(false);
  protected readonly listing = signal<Listing>({ page: null, loading: true, failed: false });
  protected readonly catalogue = signal<Catalogue>({ sites: [], programs: [], cohorts: [] });
  protected readonly exporting = signal<ExportFormat | null>(null);
  protected readonly initialSearch = this.filter().q;
  private readonly searches = new Subject<string>();
  private readonly searchBox = viewChild<ElementRef<HTMLInputElement>>('searchBox');

  /** The programs of the chosen site; the cohorts of the chosen program (or site). */
  protected readonly programOptions = computed(() => {
    const { siteId } = this.filter();
    return this.catalogue().programs.filter((p) => !siteId || p.siteId === siteId);
  });
  protected readonly cohortOptions = computed(() => {
    const { programId } = this.filter();
    const programIds = new Set(this.programOptions().map((p) => p.id));
    return this.catalogue().cohorts.filter((c) =>
      programId ? c.programId === programId : programIds.has(c.programId),
    );
  });

  constructor() {
    combineLatest([
      this.route.queryParamMap.pipe(map(filterFromParams), distinctUntilChanged(sameFilter)),
      this.reloads.pipe(startWith(undefined)),
    ])
      .pipe(
        tap(() => this.listing.update((listing) => ({ ...listing, loading: true }))),
        switchMap(([current]) => this.startups.list(toListQuery(current)).pipe(catchError(() => of(null)))),
        takeUntilDestroyed(),
      )
      .subscribe((page) =>
        this.listing.update((listing) =>
          page ? { page, loading: false, failed: false } : { ...listing, loading: false, failed: true },
        ),
      );

    // The options of the filters; the list does not wait for them.
    forkJoin({
      organisation: this.organisation.get(),
      programs: this.programsApi.listPrograms(),
      cohorts: this.programsApi.listCohorts(),
    })
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: ({ organisation, programs, cohorts }) =>
          this.catalogue.set({ sites: organisation.sites, programs, cohorts }),
        error: () => undefined,
      });

    this.searches
      .pipe(
        map((q) => q.trim()),
        debounceTime(STARTUP_SEARCH_DELAY_MS),
        distinctUntilChanged(),
        filter((q) => q !== this.filter().q),
        takeUntilDestroyed(),
      )
      // Typing replaces the address rather than adding one history entry per word.
      .subscribe((q) => this.apply({ q }, true));

    // Back and forward change the address: the search box follows (not while it is ahead of it).
    effect(() => {
      const q = this.filter().q;
      const box = this.searchBox()?.nativeElement;
      if (box && box.value.trim() !== q) {
        box.value = q;
      }
    });
  }

  protected searchFor(q: string): void {
    this.searches.next(q);
  }

  protected choose(key: 'siteId' | 'programId' | 'cohortId' | 'status' | 'sector' | 'stage', event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.apply({ [key]: value || null });
  }

  protected sortBy(sort: Sort): void {
    this.apply({ sort: sortFrom(sort.active, sort.direction) });
  }

  protected pageTo(event: PageEvent): void {
    this.apply({ pageIndex: event.pageIndex, pageSize: event.pageSize });
  }

  protected clearFilters(): void {
    const box = this.searchBox()?.nativeElement;
    if (box) {
      box.value = '';
    }
    void this.router.navigate([], { relativeTo: this.route, queryParams: {} });
  }

  /** A click anywhere on a row opens the startup; the name is the link for keyboards and new tabs. */
  protected openRow(startup: StartupResponse, event: MouseEvent): void {
    if ((event.target as HTMLElement | null)?.closest('a, button')) {
      return;
    }
    void this.router.navigate(['/manage/startups', startup.id]);
  }

  protected download(format: ExportFormat): void {
    if (this.exporting()) {
      return;
    }
    this.exporting.set(format);
    this.startups.export(format, toExportQuery(this.filter())).subscribe({
      next: (response) => {
        this.exporting.set(null);
        if (response.body) {
          const fallback = `startups.${format}`;
          saveFile(this.document, response.body, attachmentName(response.headers.get('Content-Disposition'), fallback));
        }
      },
      error: (error: unknown) => {
        this.exporting.set(null);
        const message = genericError(error);
        this.notify(message.text !== undefined ? message.text : this.transloco.translate(message.key));
      },
    });
  }

  /** The import dialog; closes with the number of startups imported (then the list is reloaded). */
  protected openImport(): void {
    this.dialog
      .open<StartupImportDialogComponent, void, number>(StartupImportDialogComponent, { width: '48rem', maxWidth: '95vw' })
      .afterClosed()
      .pipe(filter((count): count is number => !!count))
      .subscribe((count) => {
        this.reloads.next();
        this.notify(this.transloco.translate('startupImport.done', { count }));
      });
  }

  protected openCreate(): void {
    this.dialog
      .open<StartupDialogComponent, void, StartupResponse>(StartupDialogComponent, {
        width: '40rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(filter((startup): startup is StartupResponse => !!startup))
      .subscribe((startup) => {
        this.reloads.next();
        this.snackBar
          .open(
            this.transloco.translate('manage.startups.created', { name: startup.legalName }),
            this.transloco.translate('manage.startups.openCreated'),
            { duration: 8000 },
          )
          .onAction()
          .subscribe(() => void this.router.navigate(['/manage/startups', startup.id]));
      });
  }

  private apply(change: Partial<StartupFilter>, replaceUrl = false): void {
    const { programs, cohorts } = this.catalogue();
    const next = changeFilter(this.filter(), change, programs, cohorts);
    void this.router.navigate([], { relativeTo: this.route, queryParams: filterToParams(next), replaceUrl });
  }

  private notify(message: string): void {
    this.snackBar.open(message, undefined, { duration: 5000 });
  }
}
