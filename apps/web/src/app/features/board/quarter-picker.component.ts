import { ChangeDetectionStrategy, Component, effect, input, output } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl } from '@angular/forms';
import { SelectFieldComponent, SelectOption } from '../../core/forms/select-field.component';

/**
 * The board's quarter, chosen in a select field. A component of its own so that the board page can load it
 * after its first render (@defer): the forms module and Material's form field are most of the page's code.
 */
@Component({
  selector: 'app-quarter-picker',
  imports: [SelectFieldComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-select-field [control]="control" [label]="label()" [options]="options()" testId="quarter-select" subscriptSizing="dynamic" />
  `,
})
export class QuarterPickerComponent {
  readonly quarter = input.required<string>();
  readonly options = input.required<SelectOption[]>();
  readonly label = input.required<string>();
  /** A quarter chosen by the user (not when `quarter` changes). */
  readonly quarterChange = output<string>();

  protected readonly control = new FormControl('', { nonNullable: true });

  constructor() {
    effect(() => {
      const quarter = this.quarter();
      if (this.control.value !== quarter) this.control.setValue(quarter, { emitEvent: false });
    });
    this.control.valueChanges.pipe(takeUntilDestroyed()).subscribe((quarter) => this.quarterChange.emit(quarter));
  }
}
