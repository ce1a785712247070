import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';

export interface SubmitConfirmData {
  /** "février 2026". */
  period: string;
  /** Each unusual value, already explained in the user's language. */
  warnings: string[];
}

/** Asks before a report is handed in (it is then locked), and shows the values that look unusual first. */
@Component({
  selector: 'app-kpi-submit-confirm',
  imports: [MatButtonModule, MatDialogModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'kpis.anomaly'">
      <h2 mat-dialog-title>{{ t('confirmTitle') }}</h2>
      <mat-dialog-content>
        <p>
          <strong>{{ data.period }}</strong> — {{ t('confirmText') }}
        </p>
        @if (data.warnings.length) {
          <div class="warning" role="alert" data-testid="kpi-submit-anomalies">
            <strong>{{ t('confirmAnomalies') }}</strong>
            <ul>
              @for (warning of data.warnings; track $index) {
                <li>{{ warning }}</li>
              }
            </ul>
          </div>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="false" data-testid="kpi-submit-cancel">{{ t('cancel') }}</button>
        <button mat-flat-button type="button" [mat-dialog-close]="true" data-testid="kpi-submit-confirm">{{ t('confirm') }}</button>
      </mat-dialog-actions>
    </ng-container>
  `,
  styles: `
    .warning {
      padding: 0.5rem 0.75rem;
      border-left: 4px solid var(--mat-sys-error);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      border-radius: 4px;
    }
    ul {
      margin: 0.25rem 0 0;
      padding-left: 1.25rem;
    }
  `,
})
export class SubmitConfirmDialogComponent {
  protected readonly data = inject<SubmitConfirmData>(MAT_DIALOG_DATA);
}
