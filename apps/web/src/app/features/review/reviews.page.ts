import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { ReviewAssignmentResponse } from '@incubator/contracts';
import { formatInstant, localised } from '../../core/applications/application-format';
import { ApplicationsService } from '../../core/applications/applications.service';
import { LocaleService } from '../../core/i18n/locale.service';

/** To do first, then drafts, then the submitted ones; oldest application first within each. */
export function sortAssignments(rows: readonly ReviewAssignmentResponse[]): ReviewAssignmentResponse[] {
  const order = { todo: 0, draft: 1, submitted: 2 } as const;
  return [...rows].sort(
    (a, b) => order[a.myReviewStatus] - order[b.myReviewStatus] || a.submittedAt.localeCompare(b.submittedAt),
  );
}

/** The applications assigned to me (conflicts declared are gone), with where my review stands. */
@Component({
  selector: 'app-reviews-page',
  imports: [MatButtonModule, RouterLink, TranslocoDirective],
  templateUrl: './reviews.page.html',
  styleUrls: ['../manage/calls/calls.scss', './review.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewsPage {
  private readonly api = inject(ApplicationsService);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly rows = signal<ReviewAssignmentResponse[] | null>(null);
  protected readonly failed = signal(false);
  protected readonly sorted = computed(() => sortAssignments(this.rows() ?? []));
  protected readonly left = computed(() => (this.rows() ?? []).filter((row) => row.myReviewStatus !== 'submitted').length);
  protected readonly instant = formatInstant;
  protected readonly text = localised;

  constructor() {
    this.load();
  }

  protected load(): void {
    this.failed.set(false);
    this.api.myReviews().subscribe({
      next: (rows) => this.rows.set(rows),
      error: () => this.failed.set(true),
    });
  }
}
