import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { ControlContainer, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { SECTORS, STAGES } from '@incubator/contracts';
import { FieldErrorComponent } from '../../../core/forms/field-error.component';
import { SelectFieldComponent } from '../../../core/forms/select-field.component';
import { VALIDATE_WHILE_TYPING } from '../../../core/forms/form-validation';
import { StartupForm } from './startup-form';

/**
 * The fields of a startup's profile, inside the `<form [formGroup]>` of a parent that owns the group
 * and the submit button (the fields bind to the parent's form through its ControlContainer).
 */
@Component({
  selector: 'app-startup-fields',
  imports: [
    FieldErrorComponent,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    SelectFieldComponent,
    TranslocoDirective,
  ],
  providers: [VALIDATE_WHILE_TYPING],
  viewProviders: [{ provide: ControlContainer, useFactory: () => inject(ControlContainer, { skipSelf: true }) }],
  templateUrl: './startup-fields.component.html',
  styleUrl: './startup-fields.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StartupFieldsComponent {
  /** The parent's group, for the fields' errors. */
  readonly form = input.required<StartupForm>();

  protected readonly sectors = SECTORS;
  protected readonly stages = STAGES;
}
