import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import { BuildingResponse, FloorResponse } from '@incubator/contracts';
import { submitForm, submitState } from '../../../core/forms/submit-form';
import { notBlank, VALIDATE_WHILE_TYPING, wholeNumber } from '../../../core/forms/form-validation';
import { SelectFieldComponent, SelectOption } from '../../../core/forms/select-field.component';
import { parseLayout } from '../../../core/space/plan-layout';
import { SpaceService } from '../../../core/space/space.service';
import { DialogShellComponent } from '../../../core/ui/dialog-shell/dialog-shell.component';
import { FormFieldComponent } from '../../../core/ui/form-field/form-field.component';

export interface FloorDialogData {
  buildings: BuildingResponse[];
  buildingId?: string;
}

const PREVIEW_CELL = 14;

/** Creates a floor from a text layout, previewed as it is typed; closes with the floor once saved. */
@Component({
  selector: 'app-floor-dialog',
  imports: [DialogShellComponent, FormFieldComponent, ReactiveFormsModule, SelectFieldComponent, TranslocoDirective],
  providers: [VALIDATE_WHILE_TYPING],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate *transloco="let t; prefix: 'space.floorDialog'">
      <app-dialog-shell [title]="t('title')" [state]="submission" [submitLabel]="t('create')" testId="floor">
        <div class="form-stack">
          <app-select-field
            [control]="form.controls.buildingId"
            [label]="t('building')"
            [options]="buildingOptions"
            testId="floor-building"
          />
          <app-form-field [control]="form.controls.level" [label]="t('level')" inputMode="numeric" testId="floor-level" />
          <app-form-field [control]="form.controls.name" [label]="t('name')" testId="floor-name" />
          <app-form-field
            [control]="form.controls.layout"
            [label]="t('layout')"
            [hint]="t('layoutHint')"
            type="multiline"
            [rows]="6"
            [monospace]="true"
            testId="floor-layout"
          />
          <p data-testid="floor-preview-count">
            {{ t('preview', { modules: preview().modules.length, m2: preview().modules.length * 24 }) }}
          </p>
          <svg
            data-testid="floor-preview"
            [attr.width]="preview().columns * cell"
            [attr.height]="preview().rows * cell"
            aria-hidden="true"
          >
            @for (module of preview().modules; track $index) {
              <rect
                [attr.x]="module.col * cell"
                [attr.y]="module.row * cell"
                [attr.width]="cell - 2"
                [attr.height]="cell - 2"
                fill="#9ab"
              />
            }
          </svg>
        </div>
      </app-dialog-shell>
    </form>
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
  protected readonly submission = submitState();

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
