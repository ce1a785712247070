import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { PROGRAM_KINDS } from '@incubator/contracts';
import { SelectFieldComponent, SelectOption } from '../forms/select-field.component';
import { DateFieldComponent } from '../ui/form-field/date-field.component';
import { FormFieldComponent } from '../ui/form-field/form-field.component';
import { OfficeRequestForm } from './office-request';

/**
 * The fields of an office request — startup, area, first and last day, program kind, price — as the
 * allocate panel and the waitlist show them (days in the UI language's datepicker). Test ids are
 * `<prefix>-startup`, `-area`, `-start`, `-end`, `-kind`, `-price`.
 */
@Component({
  selector: 'app-office-request-fields',
  imports: [DateFieldComponent, FormFieldComponent, SelectFieldComponent, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <app-select-field
        [control]="form().controls.startupId"
        [label]="t('space.allocate.startup')"
        [options]="startupOptions()"
        [placeholder]="t('startupForm.choose')"
        [testId]="prefix() + '-startup'"
      />
      <app-form-field
        [control]="form().controls.areaM2"
        [label]="t('space.allocate.area')"
        inputMode="numeric"
        [hint]="t('space.allocate.areaHint')"
        [testId]="prefix() + '-area'"
      />
      <app-date-field [control]="form().controls.startsOn" [label]="t('space.allocate.start')" [testId]="prefix() + '-start'" />
      <app-date-field
        [control]="form().controls.lastDay"
        [label]="t('space.allocate.end')"
        [hint]="t('space.allocate.endHint')"
        [min]="form().controls.startsOn.value || null"
        [testId]="prefix() + '-end'"
      />
      <app-select-field
        [control]="form().controls.programKind"
        [label]="t('space.allocate.kind')"
        [options]="kinds"
        labelKey="pipeline.kinds."
        [testId]="prefix() + '-kind'"
      />
      <app-form-field
        [control]="form().controls.price"
        [label]="t('space.allocate.price')"
        inputMode="decimal"
        [hint]="priceHint()"
        [testId]="prefix() + '-price'"
      />
    </ng-container>
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class OfficeRequestFieldsComponent {
  readonly form = input.required<OfficeRequestForm>();
  readonly startupOptions = input<SelectOption[]>([]);
  readonly prefix = input.required<string>();
  readonly priceHint = input<string | null>(null);

  protected readonly kinds = PROGRAM_KINDS;
}
