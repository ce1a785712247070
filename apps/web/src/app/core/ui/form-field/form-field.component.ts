import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  effect,
  inject,
  input,
} from '@angular/core';
import { FormControl, FormGroupDirective, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { merge } from 'rxjs';
import { FieldErrorComponent } from '../../forms/field-error.component';

export type FormFieldType = 'text' | 'email' | 'url' | 'password' | 'search' | 'tel' | 'multiline';

/**
 * A labelled text field bound to a FormControl, with its hint and its first error in the UI
 * language. The error shows once the field is invalid and was left or the form was submitted
 * (Material's rule, or the `ErrorStateMatcher` a parent provides, e.g. VALIDATE_WHILE_TYPING);
 * the hint and error area grows with its text, so a long message never runs into the next label.
 *
 * Why the control is an input rather than projected content: a `mat-form-field` only finds the
 * control declared in its own template, so a wrapper cannot project one.
 */
@Component({
  selector: 'app-form-field',
  imports: [FieldErrorComponent, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ label() }}</mat-label>
      @if (type() === 'multiline') {
        <textarea
          matInput
          [formControl]="control()"
          [rows]="rows()"
          [class.monospace]="monospace()"
          [placeholder]="placeholder()"
          [attr.maxlength]="maxLength()"
          [attr.data-testid]="testId()"
        ></textarea>
      } @else {
        <input
          matInput
          [formControl]="control()"
          [type]="type()"
          [placeholder]="placeholder()"
          [attr.inputmode]="inputMode()"
          [attr.autocomplete]="autocomplete()"
          [attr.maxlength]="maxLength()"
          [class.uppercase]="uppercase()"
          [attr.data-testid]="testId()"
        />
      }
      @if (prefix(); as prefix) {
        <span matTextPrefix>{{ prefix }}&nbsp;</span>
      }
      @if (suffix(); as suffix) {
        <span matTextSuffix class="suffix">{{ suffix }}</span>
      }
      @if (hint(); as hint) {
        <mat-hint>{{ hint }}</mat-hint>
      }
      <mat-error><app-field-error [errors]="control().errors" /></mat-error>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    mat-form-field {
      width: 100%;
    }
    .uppercase {
      text-transform: uppercase;
    }
    .monospace {
      font-family: monospace;
    }
    /* A long label ("Valorisation pré-money") stops before the suffix instead of running into it. */
    .suffix {
      padding-inline-start: 0.5rem;
      white-space: nowrap;
    }
  `,
})
export class FormFieldComponent {
  readonly control = input.required<FormControl<string>>();
  readonly label = input.required<string>();
  readonly type = input<FormFieldType>('text');
  readonly hint = input<string | null>(null);
  readonly placeholder = input('');
  readonly prefix = input<string | null>(null);
  /** Text after the value: a currency, a unit. */
  readonly suffix = input<string | null>(null);
  readonly inputMode = input<'text' | 'numeric' | 'decimal' | 'email' | 'url' | 'tel' | null>(null);
  readonly autocomplete = input<string | null>(null);
  readonly maxLength = input<number | null>(null);
  readonly rows = input(3);
  readonly uppercase = input(false);
  /** For text laid out in columns (a floor's plan). */
  readonly monospace = input(false);
  readonly testId = input<string | null>(null);

  constructor() {
    followControl(this.control, inject(ChangeDetectorRef), inject(FormGroupDirective, { optional: true }));
  }
}

/**
 * An OnPush field re-checks when its control changes from outside (markAllAsTouched on submit, a
 * server error, a reset) or the form is submitted: Material updates a field's error state only
 * when the field's view is checked.
 */
export function followControl(
  control: () => FormControl<unknown>,
  changeDetector: ChangeDetectorRef,
  form: FormGroupDirective | null,
): void {
  effect((onCleanup) => {
    const events = form ? merge(control().events, form.ngSubmit) : control().events;
    const subscription = events.subscribe(() => changeDetector.markForCheck());
    onCleanup(() => subscription.unsubscribe());
  });
}
