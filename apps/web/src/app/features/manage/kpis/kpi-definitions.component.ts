import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import {
  KPI_AGGREGATIONS,
  KPI_PERIODICITIES,
  KPI_UNITS,
  KpiDefinitionResponse,
  Locale,
} from '@incubator/contracts';
import { FieldErrorComponent } from '../../../core/forms/field-error.component';
import { SelectFieldComponent, SelectOption } from '../../../core/forms/select-field.component';
import { submitForm, submitState } from '../../../core/forms/submit-form';
import {
  formatBounds,
  KPI_LABEL_MAX_LENGTH,
  kpiDefinitionForm,
  toDefinitionRequest,
} from '../../../core/kpis/kpi-definition-form';
import { KpisService } from '../../../core/kpis/kpis.service';
import { ProgramsService } from '../../../core/programs/programs.service';

/** The organisation's KPI definitions (standard ones and the programs' own), and the form to add one. */
@Component({
  selector: 'app-kpi-definitions',
  imports: [
    FieldErrorComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    SelectFieldComponent,
    TranslocoDirective,
  ],
  template: `
    <ng-container *transloco="let t; prefix: 'kpis.definitions'">
      <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="t('title')">
        <table class="data" data-testid="kpi-definitions-table">
          <thead>
            <tr>
              <th scope="col">{{ t('key') }}</th>
              <th scope="col">{{ t('label') }}</th>
              <th scope="col">{{ t('unit') }}</th>
              <th scope="col">{{ t('aggregation') }}</th>
              <th scope="col">{{ t('periodicity') }}</th>
              <th scope="col">{{ t('required') }}</th>
              <th scope="col">{{ t('bounds') }}</th>
              <th scope="col">{{ t('program') }}</th>
            </tr>
          </thead>
          <tbody>
            @for (definition of definitions(); track definition.id) {
              <tr data-testid="kpi-definition-row" [attr.data-key]="definition.key">
                <th scope="row">
                  <code>{{ definition.key }}</code>
                  @if (definition.standard) {
                    <span class="badge" data-testid="kpi-definition-standard">{{ t('standard') }}</span>
                  }
                </th>
                <td data-testid="kpi-definition-label">{{ locale() === 'fr' ? definition.labelFr : definition.labelEn }}</td>
                <td>{{ t('units.' + definition.unit) }}</td>
                <td>{{ t('aggregations.' + definition.aggregation) }}</td>
                <td>{{ t('periodicities.' + definition.periodicity) }}</td>
                <td>{{ t(definition.required ? 'yes' : 'no') }}</td>
                <td data-testid="kpi-definition-bounds">{{ bounds(definition) }}</td>
                <td data-testid="kpi-definition-program">
                  {{ definition.programId ? (programNames().get(definition.programId) ?? '—') : t('allPrograms') }}
                </td>
              </tr>
            } @empty {
              <tr>
                <td colspan="8" data-testid="kpi-definitions-empty">{{ t('empty') }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>

      <h3 id="kpi-def-form-title">{{ t('new') }}</h3>
      <form [formGroup]="form" (ngSubmit)="create()" aria-labelledby="kpi-def-form-title" novalidate>
        <div class="grid">
          <mat-form-field appearance="outline">
            <mat-label>{{ t('key') }}</mat-label>
            <input matInput formControlName="key" autocomplete="off" spellcheck="false" data-testid="kpi-def-key" />
            <mat-hint>{{ t('keyHint') }}</mat-hint>
            <mat-error><app-field-error [errors]="form.controls.key.errors" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ t('labelFr') }}</mat-label>
            <input matInput formControlName="labelFr" [maxlength]="labelMax" data-testid="kpi-def-label-fr" />
            <mat-error><app-field-error [errors]="form.controls.labelFr.errors" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ t('labelEn') }}</mat-label>
            <input matInput formControlName="labelEn" [maxlength]="labelMax" data-testid="kpi-def-label-en" />
            <mat-error><app-field-error [errors]="form.controls.labelEn.errors" /></mat-error>
          </mat-form-field>
          <app-select-field
            [control]="form.controls.unit"
            [label]="t('unit')"
            [options]="units"
            labelKey="kpis.definitions.units."
            testId="kpi-def-unit"
          />
          <app-select-field
            [control]="form.controls.aggregation"
            [label]="t('aggregation')"
            [options]="aggregations"
            labelKey="kpis.definitions.aggregations."
            [hint]="t('aggregationHint')"
            testId="kpi-def-aggregation"
          />
          <app-select-field
            [control]="form.controls.periodicity"
            [label]="t('periodicity')"
            [options]="periodicities"
            labelKey="kpis.definitions.periodicities."
            testId="kpi-def-periodicity"
          />
          <mat-form-field appearance="outline">
            <mat-label>{{ t('min') }}</mat-label>
            <input matInput formControlName="minValue" inputmode="decimal" data-testid="kpi-def-min" />
            <mat-hint>{{ t('boundHint') }}</mat-hint>
            <mat-error><app-field-error [errors]="form.controls.minValue.errors" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ t('max') }}</mat-label>
            <input matInput formControlName="maxValue" inputmode="decimal" data-testid="kpi-def-max" />
            <mat-hint>{{ t('boundHint') }}</mat-hint>
            <mat-error><app-field-error [errors]="form.controls.maxValue.errors" /></mat-error>
          </mat-form-field>
          <app-select-field
            [control]="form.controls.programId"
            [label]="t('program')"
            [options]="programOptions()"
            [hint]="t('programHint')"
            testId="kpi-def-program"
          />
          <div class="checkbox">
            <label>
              <input type="checkbox" formControlName="required" data-testid="kpi-def-required" />
              {{ t('requiredLabel') }}
            </label>
          </div>
        </div>
        @if (state.error(); as error) {
          <p class="form-error" role="alert" data-testid="kpi-def-error" *transloco="let g">{{ error.key ? g(error.key) : error.text }}</p>
        }
        @if (created(); as created) {
          <p class="form-success" role="status" data-testid="kpi-def-created">{{ t('created', { key: created }) }}</p>
        }
        <button mat-flat-button type="submit" [disabled]="state.submitting()" data-testid="kpi-def-submit">
          {{ t('submit') }}
        </button>
      </form>
    </ng-container>
  `,
  styleUrl: './kpi-definitions.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class KpiDefinitionsComponent {
  private readonly kpis = inject(KpisService);
  private readonly allPrograms = toSignal(inject(TranslocoService).selectTranslate('kpis.definitions.allPrograms'), {
    initialValue: '',
  });

  readonly definitions = input.required<readonly KpiDefinitionResponse[]>();
  readonly locale = input.required<Locale>();
  /** A definition was added: the list is to be fetched again. */
  readonly definitionCreated = output<KpiDefinitionResponse>();

  protected readonly labelMax = KPI_LABEL_MAX_LENGTH;
  protected readonly units = KPI_UNITS;
  protected readonly aggregations = KPI_AGGREGATIONS;
  protected readonly periodicities = KPI_PERIODICITIES;
  protected readonly form = kpiDefinitionForm();
  protected readonly state = submitState();
  /** The key of the definition just added. */
  protected readonly created = signal<string | null>(null);

  private readonly programList = signal<{ id: string; name: string }[]>([]);
  protected readonly programNames = computed(() => new Map(this.programList().map((p) => [p.id, p.name])));
  /** Empty first: a KPI of every program. */
  protected readonly programOptions = computed<SelectOption[]>(() => [
    { value: '', label: this.allPrograms() },
    ...this.programList().map((p) => ({ value: p.id, label: p.name })),
  ]);

  constructor() {
    inject(ProgramsService)
      .listPrograms()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (programs) => this.programList.set(programs.map((p) => ({ id: p.id, name: `${p.name} · ${p.siteName}` }))),
        error: () => undefined,
      });
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.created.set(null));
  }

  protected bounds(definition: KpiDefinitionResponse): string {
    return formatBounds(definition.minValue, definition.maxValue, this.locale());
  }

  protected create(): void {
    submitForm(
      this.form,
      this.state,
      () => this.kpis.createDefinition(toDefinitionRequest(this.form.getRawValue())),
      (definition) => {
        this.form.reset();
        this.created.set(definition.key);
        this.definitionCreated.emit(definition);
      },
    );
  }
}
