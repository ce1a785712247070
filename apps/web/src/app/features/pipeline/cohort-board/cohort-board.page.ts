import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { CohortBoardResponse, MILESTONE_STATUSES } from '@incubator/contracts';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { httpStatus } from '../../../core/forms/api-error';
import { CalendarDatePipe } from '../../../core/i18n/calendar-date.pipe';
import { LocalNumberPipe } from '../../../core/i18n/local-number.pipe';
import { LocaleService } from '../../../core/i18n/locale.service';
import { lastDayFromEndsOn } from '../../../core/programs/cohort-dates';
import { ProgramsService } from '../../../core/programs/programs.service';

/** What the route tells the board: managers follow links to startups, the board only reads. */
export interface CohortBoardRouteData {
  readOnly: boolean;
  /** Where the "back" link goes. */
  backLink: string;
}

type BoardState =
  | { state: 'loading' }
  | { state: 'loaded'; board: CohortBoardResponse }
  | { state: 'notFound' }
  | { state: 'failed' };

/** Milestone progress of every startup seated in a cohort, for managers and (read-only) the board. */
@Component({
  selector: 'app-cohort-board-page',
  imports: [CalendarDatePipe, LocalNumberPipe, MatButtonModule, MatTableModule, RouterLink, TranslocoDirective],
  templateUrl: './cohort-board.page.html',
  styleUrl: './cohort-board.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CohortBoardPage {
  private readonly route = inject(ActivatedRoute);
  private readonly programs = inject(ProgramsService);

  protected readonly locale = inject(LocaleService).locale;
  protected readonly statuses = MILESTONE_STATUSES;
  protected readonly columns = ['startup', 'status', ...MILESTONE_STATUSES, 'overdue'];
  protected readonly data = this.route.snapshot.data as Partial<CohortBoardRouteData>;
  protected readonly readOnly = this.data.readOnly ?? true;
  protected readonly backLink = this.data.backLink ?? '..';
  protected readonly view = signal<BoardState>({ state: 'loading' });
  protected readonly lastDay = lastDayFromEndsOn;

  constructor() {
    this.route.paramMap
      .pipe(
        map((params) => params.get('id') ?? ''),
        switchMap((id) =>
          this.programs.cohortBoard(id).pipe(
            map((board): BoardState => ({ state: 'loaded', board })),
            catchError((error: unknown) => {
              const status = httpStatus(error);
              return of<BoardState>(status === 404 || status === 400 ? { state: 'notFound' } : { state: 'failed' });
            }),
            startWith<BoardState>({ state: 'loading' }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((view) => this.view.set(view));
  }
}
