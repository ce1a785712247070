import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import { MilestoneResponse } from '@incubator/contracts';
import { filter } from 'rxjs';
import { MilestoneDialogComponent, MilestoneDialogData } from './milestone-dialog.component';
import { MilestoneItemComponent } from './milestone-item.component';

/** A startup's milestones, by due date; the page that owns the list keeps it up to date from `changed`. */
@Component({
  selector: 'app-milestone-list',
  imports: [MatButtonModule, MilestoneItemComponent, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <div class="section-header">
        <h2 id="milestones-title">{{ t('milestones.title') }}</h2>
        @if (canWrite()) {
          <button mat-flat-button type="button" (click)="openCreate()" data-testid="milestone-create-open">
            {{ t('milestones.add') }}
          </button>
        }
      </div>
      @for (milestone of milestones(); track milestone.id) {
        <app-milestone-item
          [startupId]="startupId()"
          [milestone]="milestone"
          [canWrite]="canWrite()"
          [canReview]="canReview()"
          (changed)="changed.emit($event)"
          [attr.data-testid]="'milestone-row-' + milestone.title"
        />
      } @empty {
        <p class="empty" data-testid="milestones-empty">{{ t('milestones.empty') }}</p>
      }
    </ng-container>
  `,
  styles: `
    :host {
      display: block;
    }
    .section-header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem 1rem;
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MilestoneListComponent {
  private readonly dialog = inject(MatDialog);

  readonly startupId = input.required<string>();
  readonly milestones = input.required<readonly MilestoneResponse[]>();
  readonly canWrite = input(false);
  readonly canReview = input(false);
  /** A milestone added, saved or commented on. */
  readonly changed = output<MilestoneResponse>();

  protected openCreate(): void {
    this.dialog
      .open<MilestoneDialogComponent, MilestoneDialogData, MilestoneResponse>(MilestoneDialogComponent, {
        data: { startupId: this.startupId() },
        width: '32rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(filter((milestone): milestone is MilestoneResponse => !!milestone))
      .subscribe((milestone) => this.changed.emit(milestone));
  }
}

/** The list with `milestone` in it, in due-date order (the API's), whether it is new or updated. */
export function upsertMilestone(
  milestones: readonly MilestoneResponse[],
  milestone: MilestoneResponse,
): MilestoneResponse[] {
  const others = milestones.filter((m) => m.id !== milestone.id);
  return [...others, milestone].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id));
}
