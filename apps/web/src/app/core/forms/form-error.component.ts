import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatDialogRef } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { FormError } from './api-error';

/**
 * What a form says above its button when the API refused it: a translated message or the API's
 * own (already in the UI language), with a link to what the message names (the startup that
 * already has this SIREN). Following the link closes the dialog it is in.
 */
@Component({
  selector: 'app-form-error',
  imports: [RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (error(); as error) {
      <p class="form-error" role="alert" [attr.data-testid]="testId()" *transloco="let t">
        {{ error.key ? t(error.key, error.params) : error.text }}
        @if (error.link; as link) {
          <a [routerLink]="link.path" (click)="dialogRef?.close()" [attr.data-testid]="testId() + '-link'">{{
            t(link.key, link.params)
          }}</a>
        }
      </p>
    }
  `,
})
export class FormErrorComponent {
  protected readonly dialogRef = inject(MatDialogRef, { optional: true });

  readonly error = input<FormError | null>(null);
  readonly testId = input<string | null>(null);
}
