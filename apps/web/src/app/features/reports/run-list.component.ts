import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoDirective } from '@jsverse/transloco';
import { Locale, ReportFileResponse, ReportRunResponse } from '@incubator/contracts';
import { fileDownloads } from '../../core/api/file-download';
import { LocalDatePipe } from '../../core/i18n/local-date.pipe';
import { ReportsService } from '../../core/reports/reports.service';
import { fileTestId, filesInOrder, formatRunPeriod, runPrefix } from './run-files';

/** Report runs with their state, progress, error and files to download. */
@Component({
  selector: 'app-run-list',
  imports: [LocalDatePipe, MatButtonModule, MatProgressBarModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      @if (downloads.error(); as error) {
        <p class="form-error" role="alert">{{ error.key ? t(error.key) : error.text }}</p>
      }
      <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="label()">
        <table class="data" [attr.aria-label]="label()">
          <thead>
            <tr>
              <th scope="col">{{ t('reports.runs.period') }}</th>
              @if (showKind()) {
                <th scope="col">{{ t('reports.runs.kind') }}</th>
              }
              <th scope="col">{{ t('reports.runs.status') }}</th>
              <th scope="col">{{ t('reports.runs.files') }}</th>
            </tr>
          </thead>
          <tbody>
            @for (run of runs(); track run.id) {
              @let prefix = prefixOf(run);
              <tr [attr.data-testid]="prefix + '-row'" [attr.data-period]="run.period" [attr.data-status]="run.status">
                <th scope="row">
                  {{ period(run) }}
                  @if (run.generation > 1) {
                    <span class="muted">{{ t('reports.runs.generation', { generation: run.generation }) }}</span>
                  }
                  <div class="muted small">{{ run.createdAt | localDate: locale() }}</div>
                </th>
                @if (showKind()) {
                  <td>{{ t('reports.kinds.' + run.kind) }}</td>
                }
                <td>
                  <span class="status" [attr.data-testid]="prefix + '-status'">{{ t('reports.status.' + run.status) }}</span>
                  @if (run.status === 'queued' || run.status === 'running') {
                    <mat-progress-bar
                      [mode]="run.status === 'queued' ? 'indeterminate' : 'determinate'"
                      [value]="run.progress"
                      [attr.aria-label]="t('reports.runs.progress', { progress: run.progress })"
                      [attr.data-testid]="prefix + '-progress'"
                    />
                    <span class="small">{{ t('reports.runs.progress', { progress: run.progress }) }}</span>
                  }
                  @if (run.status === 'failed' && run.error) {
                    <p class="form-error" [attr.data-testid]="prefix + '-error'">{{ run.error }}</p>
                  }
                </td>
                <td>
                  <div class="files">
                  @for (file of files(run); track file.id) {
                    <!-- The accessible name starts with the visible text, so "PDF · FR" spoken to voice control works. -->
                    @let visible = file.format.toUpperCase() + (file.locale ? ' · ' + file.locale.toUpperCase() : '');
                    <button
                      mat-stroked-button
                      type="button"
                      [disabled]="downloads.busy() !== null"
                      [attr.aria-label]="visible + ' — ' + t('reports.runs.download', { file: file.filename })"
                      (click)="download(run, file)"
                      [attr.data-testid]="fileTestId(run, file)"
                    >
                      {{ visible }}
                    </button>
                  }
                  </div>
                </td>
              </tr>
            } @empty {
              <tr>
                <td [attr.colspan]="showKind() ? 4 : 3" class="muted" data-testid="runs-empty">
                  {{ t('reports.runs.empty') }}
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    </ng-container>
  `,
  styleUrl: './run-list.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RunListComponent {
  private readonly reports = inject(ReportsService);

  readonly runs = input.required<readonly ReportRunResponse[]>();
  readonly locale = input.required<Locale>();
  /** The table's accessible name. */
  readonly label = input.required<string>();
  readonly showKind = input(false);

  protected readonly downloads = fileDownloads();
  protected readonly fileTestId = fileTestId;
  protected readonly prefixOf = (run: ReportRunResponse) => runPrefix(run.kind);

  protected period(run: ReportRunResponse): string {
    return formatRunPeriod(run, this.locale());
  }

  protected files(run: ReportRunResponse): ReportFileResponse[] {
    return run.status === 'completed' ? filesInOrder(run.files, this.locale()) : [];
  }

  protected download(run: ReportRunResponse, file: ReportFileResponse): void {
    this.downloads.start(this.reports.file(run.id, file.id), file.filename);
  }
}
