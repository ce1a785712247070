import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { BuildingResponse, FloorResponse } from '@incubator/contracts';
import { submitForm, submitState } from '../../../core/forms/submit-form';
import { FieldErrorComponent } from '../../../core/forms/field-error.component';
import { notBlank, VALIDATE_WHILE_TYPING, wholeNumber } from '../../../core/forms/form-validation';
import { SelectFieldComponent, SelectOption } from '../../../core/forms/select-field.component';
import { parseLayout } from '../../../core/space/plan-layout';
import { SpaceService } from '../../../core/space/space.service';

export interface FloorDialogData {
  buildings: BuildingResponse[];
  buildingId?: string;
}

const PREVIEW_CELL = 14;

/** Creates a floor from a text layout, previewed as it is typed; closes with the floor once saved. */
@Component({
  selector: 'app-floor-dialog',
  imports: [
    FieldErrorComponent,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    SelectFieldComponent,
    TranslocoDirective,
  ],
  providers: [VALIDATE_WHILE_TYPING],
  template: `
    <ng-container *transloco="let t; prefix: 'space.floorDialog'">
      <h2 mat-dialog-title>{{ t('title') }}</h2>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <mat-dialog-content>
          <div class="form-stack">
            <app-select-field
              [control]="form.controls.buildingId"
              [label]="t('building')"
              [options]="buildingOptions"
              testId="floor-building"
            />
            <mat-form-field appearance="outline">
              <mat-label>{{ t('level') }}</mat-label>
              <input matInput inputmode="numeric" formControlName="level" data-testid="floor-level" />
              <mat-error><app-field-error [errors]="form.controls.level.errors" /></mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ t('name') }}</mat-label>
              <input matInput formControlName="name" data-testid="floor-name" />
              <mat-error><app-field-error [errors]="form.controls.name.errors" /></mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ t('layout') }}</mat-label>
              <textarea matInput rows="6" class="layout" formControlName="layout" data-testid="floor-layout"></textarea>
              <mat-hint>{{ t('layoutHint') }}</mat-hint>
              <mat-error><app-field-error [errors]="form.controls.layout.errors" /></mat-error>
            </mat-form-field>
            <p data-testid="floor-preview-count">{{ t('preview', { modules: preview().modules.length, m2: preview().modules.length * 24 }) }}</p>
            <svg
              data-testid="floor-preview"
              [attr.width]="preview().columns * cell"
              [attr.height]="preview().rows * cell"
              aria-hidden="true"
            >
              @for (module of preview().modules; track $index) {
                <rect [attr.x]="module.col * cell" [attr.y]="module.row * cell" [attr.width]="cell - 2" [attr.height]="cell - 2" fill="#9ab" />
              }
            </svg>
            @if (error(); as error) {
              <p class="form-error" role="alert" data-testid="floor-error">{{ error.key ? t(error.key) : error.text }}</p>
            }
          </div>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('cancel') }}</button>
          <button mat-flat-button type="submit" [disabled]="submitting()" data-testid="floor-submit">{{ t('create') }}</button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styles: `
    .layout {
      font-family: monospace;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FloorDialogComponent {
  private readonly space = inject(SpaceService);
  private readonly dialogRef = inject<MatDialogRef<FloorDialogComponent, FloorResponse>>(MatDialogRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly data = inject<FloorDialogData>(MAT_DIALOG_DATA);
  protected readonly cell = PREVIEW_CELL;
  protected readonly buildingOptions: SelectOption[] = this.data.buildings.map((b) => ({ value: b.id, label: b.name }));
  protected readonly form = this.fb.group({
    buildingId: [this.data.buildingId ?? this.data.buildings[0]?.id ?? '', Validators.required],
    // Text with a numeric keyboard, like a cohort's capacity: no spinner to change it by accident.
    level: ['0', [Validators.required, wholeNumber]],
    name: ['', [Validators.required, notBlank, Validators.maxLength(120)]],
    layout: ['', [Validators.required, notBlank]],
  });
  private readonly layout = toSignal(this.form.controls.layout.valueChanges, { initialValue: '' });
  protected readonly preview = computed(() => parseLayout(this.layout()));
  private readonly submission = submitState();
  protected readonly submitting = this.submission.submitting;
  protected readonly error = this.submission.error;

  protected submit(): void {
    submitForm(
      this.form,
      this.submission,
      () => {
        const value = this.form.getRawValue();
        return this.space.createFloor({
          buildingId: value.buildingId,
          level: Number(value.level),
          name: value.name.trim(),
          layout: value.layout,
        });
      },
      (floor) => this.dialogRef.close(floor),
    );
  }
}
