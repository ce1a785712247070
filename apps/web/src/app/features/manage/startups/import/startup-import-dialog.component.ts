import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import { StartupImportResult } from '@incubator/contracts';
import { FormError, genericError, httpStatus } from '../../../../core/forms/api-error';
import { StartupImportService } from '../../../../core/startups/startup-import.service';
import { FileChooserComponent } from '../../../../core/ui/file-chooser/file-chooser.component';

/** The API refuses larger files (413); checked here first to spare the upload. */
export const STARTUP_IMPORT_MAX_BYTES = 2 * 1024 * 1024;

/** A 422 carries the import's result (the bad lines) in its body. */
export function startupImportResultOf(error: unknown): StartupImportResult | null {
  if (!(error instanceof HttpErrorResponse) || error.status !== 422) {
    return null;
  }
  const body = error.error as Partial<StartupImportResult> | null;
  return body !== null && typeof body === 'object' && Array.isArray(body.errors) && typeof body.lines === 'number'
    ? (body as StartupImportResult)
    : null;
}

/**
 * Startups from a CSV or XLSX file: checked first (dry run: every bad line with its reason), then
 * imported, all or nothing, optionally inviting each contact. Closes with the number imported.
 */
@Component({
  selector: 'app-startup-import-dialog',
  imports: [FileChooserComponent, MatButtonModule, MatCheckboxModule, MatDialogModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>{{ t('startupImport.title') }}</h2>
      <mat-dialog-content>
        <p>{{ t('startupImport.intro') }}</p>
        <p class="hint">{{ t('startupImport.columns') }}</p>
        <app-file-chooser
          inputId="startup-import-file"
          testId="startup-import-file"
          accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          [label]="t('startupImport.file')"
          (chosen)="choose($event)"
        />
        <mat-checkbox [checked]="invite()" (change)="invite.set($event.checked)" data-testid="startup-import-invite">
          {{ t('startupImport.invite') }}
        </mat-checkbox>
        @if (error(); as error) {
          <p class="form-error" role="alert" data-testid="startup-import-failure">{{ error.key ? t(error.key, error.params) : error.text }}</p>
        }
        @if (result(); as r) {
          <p [class.form-success]="r.errors.length === 0" [class.form-error]="r.errors.length > 0" role="status" data-testid="startup-import-summary">
            @if (r.errors.length > 0) {
              {{ t('startupImport.failed', { lines: r.lines, errors: r.errors.length }) }}
            } @else if (r.dryRun) {
              {{ t('startupImport.checked', { lines: r.lines }) }}
            } @else {
              {{ t('startupImport.imported', { imported: r.imported, contacts: r.contacts, invited: r.invited }) }}
            }
          </p>
          @if (r.errors.length > 0) {
            <ul class="errors">
              @for (lineError of r.errors; track $index) {
                <li data-testid="startup-import-error">
                  @if (lineError.field) {
                    {{ t('startupImport.lineFieldError', { line: lineError.line, field: t('startupImport.fields.' + lineError.field), message: lineError.message }) }}
                  } @else {
                    {{ t('startupImport.lineError', lineError) }}
                  }
                </li>
              }
            </ul>
          }
          @for (failure of r.inviteFailures; track failure.email) {
            <p class="form-error" data-testid="startup-import-invite-failure">{{ failure.email }} : {{ failure.message }}</p>
          }
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="close()" data-testid="startup-import-close">{{ t('startupImport.close') }}</button>
        <button mat-stroked-button type="button" [disabled]="!file() || busy()" (click)="send(true)" data-testid="startup-import-dry-run">
          {{ t('startupImport.dryRun') }}
        </button>
        <button mat-flat-button type="button" [disabled]="!file() || busy()" (click)="send(false)" data-testid="startup-import-run">
          {{ t('startupImport.run') }}
        </button>
      </mat-dialog-actions>
    </ng-container>
  `,
  styles: `
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      margin-bottom: 0.75rem;
    }
    .hint {
      font-size: 0.875rem;
      opacity: 0.8;
    }
    .errors {
      max-height: 16rem;
      overflow-y: auto;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StartupImportDialogComponent {
  private readonly imports = inject(StartupImportService);
  private readonly dialogRef = inject<MatDialogRef<StartupImportDialogComponent, number>>(MatDialogRef);

  protected readonly file = signal<File | null>(null);
  protected readonly invite = signal(false);
  protected readonly busy = signal(false);
  protected readonly result = signal<StartupImportResult | null>(null);
  protected readonly error = signal<FormError | null>(null);

  protected choose(file: File | null): void {
    this.file.set(file);
    this.result.set(null);
    this.error.set(null);
  }

  protected close(): void {
    const result = this.result();
    this.dialogRef.close(result && !result.dryRun ? result.imported : 0);
  }

  protected send(dryRun: boolean): void {
    const file = this.file();
    if (!file || this.busy()) {
      return;
    }
    this.result.set(null);
    this.error.set(null);
    if (file.size > STARTUP_IMPORT_MAX_BYTES) {
      this.error.set({ key: 'startupImport.tooLarge' });
      return;
    }
    this.busy.set(true);
    this.imports.importFile(file, { dryRun, invite: this.invite() }).subscribe({
      next: (result) => {
        this.busy.set(false);
        this.result.set(result);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const result = startupImportResultOf(error);
        if (result) {
          this.result.set(result);
        } else {
          this.error.set(httpStatus(error) === 413 ? { key: 'startupImport.tooLarge' } : genericError(error));
        }
      },
    });
  }
}
