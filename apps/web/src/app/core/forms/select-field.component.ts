import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { FormControl, ValidationErrors, Validators } from '@angular/forms';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule, SubscriptSizing } from '@angular/material/form-field';
import { MatInput, MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { FieldErrorComponent } from './field-error.component';

export interface SelectOption {
  value: string;
  label: string;
}

/**
 * A native `<select>` in a Material form field, bound to a FormControl of strings.
 *
 * Why not `<select formControlName>`: this component binds the control itself and needs none of the
 * forms module's select and option directives, which kept the first download near its budget when
 * the forms module was part of it. A native select also lets end-to-end tests pick an option by
 * value (Playwright's `selectOption`).
 */
@Component({
  selector: 'app-select-field',
  imports: [FieldErrorComponent, MatFormFieldModule, MatInputModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <mat-form-field appearance="outline" [subscriptSizing]="subscriptSizing()">
        <mat-label>{{ label() }}</mat-label>
        <select
          matNativeControl
          [errorStateMatcher]="errorState"
          [disabled]="disabled()"
          [required]="required()"
          (change)="choose($event)"
          (blur)="control().markAsTouched()"
          [attr.data-testid]="testId()"
        >
          @if (placeholder() !== null) {
            <option value="" disabled [selected]="value() === ''">{{ placeholder() }}</option>
          }
          @for (option of options(); track $index) {
            @let optionValue = valueOf(option);
            <option [value]="optionValue" [selected]="optionValue === value()">
              {{ labelKey() ? t(labelKey() + optionValue) : labelOf(option) }}
            </option>
          }
        </select>
        @if (hint(); as hint) {
          <mat-hint>{{ hint }}</mat-hint>
        }
        <mat-error><app-field-error [errors]="errors()" /></mat-error>
      </mat-form-field>
    </ng-container>
  `,
  styles: `
    :host {
      display: block;
    }
    mat-form-field {
      width: 100%;
    }
  `,
})
export class SelectFieldComponent {
  private readonly changeDetector = inject(ChangeDetectorRef);

  /** Of any string type: a Sector, a status… */
  readonly control = input.required<FormControl<string>>();
  readonly label = input.required<string>();
  /** Values, translated with `labelKey` + value, or values with their label. */
  readonly options = input.required<readonly (string | SelectOption)[]>();
  readonly labelKey = input<string | null>(null);
  /** The text of an empty first choice ("Choose…"); none when null. */
  readonly placeholder = input<string | null>(null);
  readonly hint = input<string | null>(null);
  readonly testId = input<string | null>(null);
  /** Dynamic: a long hint or error pushes the next row down rather than running into its label. */
  readonly subscriptSizing = input<SubscriptSizing>('dynamic');

  /**
   * Material updates an input's error state on each check only when a forms directive binds it;
   * this select has none, so the state is updated here (else a required select left empty showed
   * nothing on submit).
   */
  private readonly input = viewChild(MatInput);

  protected readonly value = signal('');
  protected readonly errors = signal<ValidationErrors | null>(null);
  protected readonly disabled = signal(false);
  protected readonly required = computed(() => this.control().hasValidator(Validators.required));
  /** Same rule as VALIDATE_WHILE_TYPING: once the user chose, left the field, or submitted (touches all). */
  protected readonly errorState: ErrorStateMatcher = {
    isErrorState: () => {
      const control = this.control();
      return control.invalid && (control.dirty || control.touched);
    },
  };

  constructor() {
    // The control changes from outside too (reset, setValue, markAllAsTouched on submit): follow it.
    effect((onCleanup) => {
      const control = this.control();
      const sync = () => {
        this.value.set(control.value ?? '');
        this.errors.set(control.errors);
        this.disabled.set(control.disabled);
        this.changeDetector.markForCheck();
        // Before the first render there is no input yet; it reads the state when created.
        untracked(() => this.input()?.updateErrorState());
      };
      sync();
      const subscription = control.events.subscribe(sync);
      onCleanup(() => subscription.unsubscribe());
    });
  }

  protected valueOf(option: string | SelectOption): string {
    return typeof option === 'string' ? option : option.value;
  }

  protected labelOf(option: string | SelectOption): string {
    return typeof option === 'string' ? option : option.label;
  }

  protected choose(event: Event): void {
    const control = this.control();
    control.setValue((event.target as HTMLSelectElement).value);
    control.markAsDirty();
  }
}
