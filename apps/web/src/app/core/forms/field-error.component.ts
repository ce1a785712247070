import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ValidationErrors } from '@angular/forms';
import { TranslocoDirective } from '@jsverse/transloco';

/**
 * The first message for a control's errors, for use inside `<mat-error>`. A `server` error is
 * the API's message, shown as is; the others are translated here.
 */
@Component({
  selector: 'app-field-error',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      @if (message(); as message) {
        @if (message.text !== undefined) {
          {{ message.text }}
        } @else {
          {{ t('forms.errors.' + message.key, message.params) }}
        }
      }
    </ng-container>
  `,
})
export class FieldErrorComponent {
  readonly errors = input<ValidationErrors | null>(null);

  protected readonly message = computed(() => fieldMessage(this.errors()));
}

export type FieldMessage =
  | { text: string; key?: undefined; params?: undefined }
  | { text?: undefined; key: string; params: Record<string, unknown> };

const BUILT_IN = ['server', 'required', 'email', 'minlength', 'maxlength', 'min', 'max'];

/**
 * The order matters: a server message wins, then a rule of the form's own (its message says
 * more than "Required."), then the most basic built-in rule the value breaks.
 */
export function fieldMessage(errors: ValidationErrors | null): FieldMessage | null {
  if (!errors) {
    return null;
  }
  if (typeof errors['server'] === 'string') {
    return { text: errors['server'] };
  }
  const own = Object.keys(errors).find((key) => !BUILT_IN.includes(key));
  if (own) {
    return { key: own, params: {} };
  }
  if (errors['required']) {
    return { key: 'required', params: {} };
  }
  if (errors['email']) {
    return { key: 'email', params: {} };
  }
  if (errors['minlength']) {
    return { key: 'minLength', params: { min: errors['minlength'].requiredLength } };
  }
  if (errors['maxlength']) {
    return { key: 'maxLength', params: { max: errors['maxlength'].requiredLength } };
  }
  if (errors['min']) {
    return { key: 'min', params: { min: errors['min'].min } };
  }
  if (errors['max']) {
    return { key: 'max', params: { max: errors['max'].max } };
  }
  return null;
}
