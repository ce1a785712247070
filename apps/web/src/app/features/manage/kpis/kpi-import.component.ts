import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { KpiImportResult } from '@incubator/contracts';
import { FormError, genericError, httpStatus } from '../../../core/forms/api-error';
import { KpisService } from '../../../core/kpis/kpis.service';
import { FileChooserComponent } from '../../../core/ui/file-chooser/file-chooser.component';

/** The API refuses larger files (413); checked here first to spare the upload. */
export const KPI_IMPORT_MAX_BYTES = 2 * 1024 * 1024;

/** A 422 carries the import's result (the bad lines) in its body. */
export function importResultOf(error: unknown): KpiImportResult | null {
  if (!(error instanceof HttpErrorResponse) || error.status !== 422) {
    return null;
  }
  const body = error.error as Partial<KpiImportResult> | null;
  return body !== null && typeof body === 'object' && Array.isArray(body.errors) && typeof body.lines === 'number'
    ? (body as KpiImportResult)
    : null;
}

/** The text of a chosen file (FileReader rather than `Blob.text()`, which older engines lack). */
export function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file, 'utf-8');
  });
}

/** Reports of many startups from a CSV file: checked first (dry run), then imported, all or nothing. */
@Component({
  selector: 'app-kpi-import',
  imports: [FileChooserComponent, MatButtonModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <p>{{ t('kpis.import.intro') }}</p>
      <app-file-chooser class="row" inputId="kpi-import-file" testId="kpi-import-file" accept=".csv,text/csv" [label]="t('kpis.import.file')" (chosen)="choose($event)" />
      <div class="row">
        <button mat-stroked-button type="button" [disabled]="!file() || busy()" (click)="send(true)" data-testid="kpi-import-dry-run">
          {{ t('kpis.import.dryRun') }}
        </button>
        <button mat-flat-button type="button" [disabled]="!file() || busy()" (click)="send(false)" data-testid="kpi-import-run">
          {{ t('kpis.import.run') }}
        </button>
      </div>
      @if (error(); as error) {
        <p class="form-error" role="alert" data-testid="kpi-import-failure">{{ error.key ? t(error.key) : error.text }}</p>
      }
      @if (result(); as r) {
        <p [class.form-success]="r.errors.length === 0" [class.form-error]="r.errors.length > 0" role="status" data-testid="kpi-import-summary">
          @if (r.errors.length > 0) {
            {{ t('kpis.import.failed', { lines: r.lines, errors: r.errors.length }) }}
          } @else if (r.dryRun) {
            {{ t('kpis.import.checked', { lines: r.lines }) }}
          } @else {
            {{ t('kpis.import.imported', { lines: r.lines, imported: r.imported }) }}
          }
        </p>
        @if (r.errors.length > 0) {
          <ul class="errors">
            @for (lineError of r.errors; track $index) {
              <li data-testid="kpi-import-error">
                {{ t(lineError.column ? 'kpis.import.lineColumnError' : 'kpis.import.lineError', lineError) }}
              </li>
            }
          </ul>
        }
      }
    </ng-container>
  `,
  styles: `
    :host {
      display: block;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      margin-bottom: 0.75rem;
    }
    .errors {
      max-height: 16rem;
      overflow-y: auto;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class KpiImportComponent {
  private readonly kpis = inject(KpisService);

  protected readonly file = signal<File | null>(null);
  protected readonly busy = signal(false);
  protected readonly result = signal<KpiImportResult | null>(null);
  protected readonly error = signal<FormError | null>(null);

  protected choose(file: File | null): void {
    this.file.set(file);
    this.result.set(null);
    this.error.set(null);
  }

  protected async send(dryRun: boolean): Promise<void> {
    const file = this.file();
    if (!file || this.busy()) {
      return;
    }
    this.result.set(null);
    this.error.set(null);
    if (file.size > KPI_IMPORT_MAX_BYTES) {
      this.error.set({ key: 'kpis.import.tooLarge' });
      return;
    }
    this.busy.set(true);
    let csv: string;
    try {
      csv = await readText(file);
    } catch {
      this.busy.set(false);
      this.error.set({ key: 'kpis.import.unreadable' });
      return;
    }
    this.kpis.importCsv(csv, dryRun).subscribe({
      next: (result) => {
        this.busy.set(false);
        this.result.set(result);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const result = importResultOf(error);
        if (result) {
          this.result.set(result);
        } else {
          this.error.set(httpStatus(error) === 413 ? { key: 'kpis.import.tooLarge' } : genericError(error));
        }
      },
    });
  }
}
