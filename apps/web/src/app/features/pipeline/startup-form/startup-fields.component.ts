import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { SECTORS, STAGES } from '@incubator/contracts';
import { SelectFieldComponent } from '../../../core/forms/select-field.component';
import { VALIDATE_WHILE_TYPING } from '../../../core/forms/form-validation';
import { DateFieldComponent } from '../../../core/ui/form-field/date-field.component';
import { FormFieldComponent } from '../../../core/ui/form-field/form-field.component';
import { StartupForm } from './startup-form';

/**
 * The fields of a startup's profile, inside the `<form [formGroup]>` of a parent that owns the group
 * and the submit button.
 */
@Component({
  selector: 'app-startup-fields',
  imports: [DateFieldComponent, FormFieldComponent, SelectFieldComponent, TranslocoDirective],
  providers: [VALIDATE_WHILE_TYPING],
  templateUrl: './startup-fields.component.html',
  styleUrl: './startup-fields.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StartupFieldsComponent {
  /** The parent's group. */
  readonly form = input.required<StartupForm>();

  protected readonly sectors = SECTORS;
  protected readonly stages = STAGES;
}
