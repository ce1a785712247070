import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';

/**
 * A file field in the UI's language. The browser's own file input writes "Choose File / No file chosen"
 * in the browser's language whatever the page's; this one keeps the input (hidden, still what a test or
 * a drop fills) behind a Material button and says which file was chosen. The field's label names the
 * button (label, then the button's own text, so its accessible name contains what it shows).
 */
@Component({
  selector: 'app-file-chooser',
  imports: [MatButtonModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'file-chooser' },
  styles: `
    :host { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.75rem; }
    .label { flex-basis: 100%; font-weight: 500; }
    .name { color: var(--mat-sys-on-surface-variant); overflow-wrap: anywhere; }
    input { display: none; }
  `,
  template: `
    <ng-container *transloco="let t">
      <span class="label" [id]="inputId() + '-label'">{{ label() }}</span>
      <input #file type="file" [id]="inputId()" [accept]="accept()" [attr.data-testid]="testId()" (change)="changed(file)" />
      <button
        mat-stroked-button
        type="button"
        [id]="inputId() + '-button'"
        [disabled]="disabled()"
        [attr.aria-labelledby]="inputId() + '-label ' + inputId() + '-button-text'"
        [attr.aria-describedby]="inputId() + '-name'"
        (click)="file.click()"
        [attr.data-testid]="testId() + '-button'"
      >
        <span [id]="inputId() + '-button-text'">{{ t('files.choose') }}</span>
      </button>
      <span class="name" [id]="inputId() + '-name'" aria-live="polite" [attr.data-testid]="testId() + '-name'">{{ fileName() ?? t('files.none') }}</span>
    </ng-container>
  `,
})
export class FileChooserComponent {
  /** The hidden input's id (the button's and the name's ids derive from it). */
  readonly inputId = input.required<string>();
  /** The field's label, already translated. */
  readonly label = input.required<string>();
  readonly accept = input('');
  readonly testId = input.required<string>();
  readonly disabled = input(false);
  /** The chosen file, or null when the choice was cancelled. */
  readonly chosen = output<File | null>();

  protected readonly fileName = signal<string | null>(null);

  protected changed(file: HTMLInputElement): void {
    const chosen = file.files?.[0] ?? null;
    this.fileName.set(chosen?.name ?? null);
    this.chosen.emit(chosen);
  }
}
