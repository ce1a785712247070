import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormGroup } from '@angular/forms';
import { ReactiveFormsModule } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import { CallReviewerResponse, ReviewerCandidateResponse } from '@incubator/contracts';
import { ApplicationsService } from '../../../core/applications/applications.service';
import { submitForm, submitState } from '../../../core/forms/submit-form';
import { DialogShellComponent } from '../../../core/ui/dialog-shell/dialog-shell.component';

export interface ReviewersDialogData {
  callId: string;
  current: CallReviewerResponse[];
}

/**
 * The jury of a call, chosen among the members holding the reviewer role (invited from the
 * organisation's members page).
 */
@Component({
  selector: 'app-reviewers-dialog',
  imports: [DialogShellComponent, MatCheckboxModule, ReactiveFormsModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate *transloco="let t">
      <app-dialog-shell [title]="t('applications.reviewers.title')" [state]="submission" testId="reviewers">
        @if (candidates(); as candidates) {
          @if (candidates.length === 0) {
            <p class="muted" data-testid="reviewers-none">{{ t('applications.reviewers.none') }}</p>
          } @else {
            <div class="list">
              @for (candidate of candidates; track candidate.userId) {
                <mat-checkbox
                  [checked]="chosen().has(candidate.userId)"
                  (change)="toggle(candidate.userId, $event.checked)"
                  [attr.data-testid]="'reviewer-' + candidate.email"
                >
                  {{ candidate.displayName }} <span class="muted">{{ candidate.email }}</span>
                </mat-checkbox>
              }
            </div>
          }
        } @else {
          <p class="muted" aria-busy="true">{{ t('applications.loading') }}</p>
        }
      </app-dialog-shell>
    </form>
  `,
  styles: `
    .list {
      display: flex;
      flex-direction: column;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ReviewersDialogComponent {
  private readonly api = inject(ApplicationsService);
  private readonly dialogRef = inject(MatDialogRef<ReviewersDialogComponent, CallReviewerResponse[]>);
  protected readonly data = inject<ReviewersDialogData>(MAT_DIALOG_DATA);
  protected readonly form = new FormGroup({});
  protected readonly submission = submitState();
  protected readonly candidates = signal<ReviewerCandidateResponse[] | null>(null);
  protected readonly chosen = signal(new Set(this.data.current.map((r) => r.userId)));

  constructor() {
    this.api.reviewerCandidates(this.data.callId).subscribe({
      next: (candidates) => this.candidates.set(candidates),
      error: () => this.candidates.set([]),
    });
  }

  protected toggle(userId: string, checked: boolean): void {
    this.chosen.update((chosen) => {
      const next = new Set(chosen);
      if (checked) {
        next.add(userId);
      } else {
        next.delete(userId);
      }
      return next;
    });
  }

  protected submit(): void {
    submitForm(
      this.form,
      this.submission,
      () => this.api.setReviewers(this.data.callId, { userIds: [...this.chosen()] }),
      (reviewers) => this.dialogRef.close(reviewers),
    );
  }
}
