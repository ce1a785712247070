import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import { SubmitState } from '../../forms/submit-form';
import { FormErrorComponent } from '../../forms/form-error.component';

/**
 * The frame of a form dialog: title, scrolling content, the form's error above the buttons, Cancel
 * and a submit button that says when the form is being sent (`submitForm`'s state).
 *
 * Goes inside the dialog's `<form [formGroup] (ngSubmit)>`: projected fields bind to the form
 * where they are written, not where they are projected, so the shell cannot own the form.
 */
@Component({
  selector: 'app-dialog-shell',
  imports: [FormErrorComponent, MatButtonModule, MatDialogModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>{{ title() }}</h2>
      <mat-dialog-content>
        <ng-content />
        <app-form-error [error]="state().error()" [testId]="ids().error" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <ng-content select="[shellActions]" />
        <button mat-button type="button" mat-dialog-close [attr.data-testid]="ids().cancel">
          {{ cancelLabel() ?? t('forms.cancel') }}
        </button>
        <button
          mat-flat-button
          type="submit"
          [attr.data-testid]="ids().submit"
          [attr.aria-busy]="state().submitting()"
        >
          {{ state().submitting() ? (busyLabel() ?? t('forms.saving')) : (submitLabel() ?? t('forms.save')) }}
        </button>
      </mat-dialog-actions>
    </ng-container>
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class DialogShellComponent {
  readonly title = input.required<string>();
  readonly state = input.required<SubmitState>();
  readonly submitLabel = input<string | null>(null);
  readonly busyLabel = input<string | null>(null);
  readonly cancelLabel = input<string | null>(null);
  /** Prefix of the test ids: `<prefix>-submit`, `-cancel`, `-error`. */
  readonly testId = input('dialog');
  readonly submitTestId = input<string | null>(null);
  readonly errorTestId = input<string | null>(null);

  protected readonly ids = computed(() => ({
    submit: this.submitTestId() ?? `${this.testId()}-submit`,
    cancel: `${this.testId()}-cancel`,
    error: this.errorTestId() ?? `${this.testId()}-error`,
  }));
}

