import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { fileDownloads } from '../../core/api/file-download';
import { FundingExportFormat, FundingService } from '../../core/funding/funding.service';

/** CSV and XLSX downloads of the funding rounds: one startup's, or every startup's the caller can read. */
@Component({
  selector: 'app-rounds-export',
  imports: [MatButtonModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <div class="exports" role="group" [attr.aria-label]="t('funding.export.label')">
        <button
          mat-stroked-button
          type="button"
          [disabled]="downloads.busy() !== null"
          (click)="download('csv')"
          data-testid="rounds-export-csv"
        >
          {{ t('funding.export.label') }} CSV
        </button>
        <button
          mat-stroked-button
          type="button"
          [disabled]="downloads.busy() !== null"
          (click)="download('xlsx')"
          data-testid="rounds-export-xlsx"
        >
          {{ t('funding.export.label') }} XLSX
        </button>
      </div>
      @if (downloads.error(); as error) {
        <p class="form-error" role="alert" data-testid="rounds-export-error">{{ error.key ? t(error.key) : error.text }}</p>
      }
    </ng-container>
  `,
  styles: `
    :host {
      display: block;
    }
    .exports {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-bottom: 0.75rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RoundsExportComponent {
  private readonly funding = inject(FundingService);

  /** Only this startup's rounds; every round when null. */
  readonly startupId = input<string | null>(null);

  protected readonly downloads = fileDownloads();

  protected download(format: FundingExportFormat): void {
    const startupId = this.startupId();
    this.downloads.start(
      this.funding.exportRounds(format, startupId ? { startupId } : {}),
      `funding-rounds.${format}`,
    );
  }
}
