import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { ConfirmDialogData } from '../../../core/ui/confirm-dialog.component';

/**
 * The confirmation of a decision: the confirm dialog's layout with test ids of its own, since a
 * decision mails the applicant and cannot be taken back.
 */
@Component({
  selector: 'app-decision-dialog',
  imports: [MatButtonModule, MatDialogModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p>{{ data.text }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false" data-testid="application-decision-cancel">{{ data.cancel }}</button>
      <button mat-flat-button type="button" [mat-dialog-close]="true" data-testid="application-decision-confirm">
        {{ data.confirm }}
      </button>
    </mat-dialog-actions>
  `,
})
export class DecisionDialogComponent {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
}
