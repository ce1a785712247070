import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { KpiAggregatesResponse, Locale } from '@incubator/contracts';
import { catchError, debounceTime, map, of, startWith, switchMap } from 'rxjs';
import { fileDownloads } from '../../../core/api/file-download';
import { SelectFieldComponent, SelectOption } from '../../../core/forms/select-field.component';
import { formatEuros } from '../../../core/funding/amounts';
import { KpiExportFormat, KpisService } from '../../../core/kpis/kpis.service';
import { yearToDateRange } from '../../../core/kpis/kpi-periods';
import { ProgramsService } from '../../../core/programs/programs.service';
import { today } from '../../../core/space/today';
import { DateFieldComponent } from '../../../core/ui/form-field/date-field.component';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The range [from, to) when both are days and in order, else null. */
export function validRange(from: string, to: string): { from: string; to: string } | null {
  return DAY.test(from) && DAY.test(to) && from < to ? { from, to } : null;
}

/** The ecosystem's figures over a range of days, for the whole park or one programme, and the reports' export. */
@Component({
  selector: 'app-kpi-figures',
  imports: [
    DateFieldComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    SelectFieldComponent,
    TranslocoDirective,
  ],
  templateUrl: './kpi-figures.component.html',
  styleUrl: './kpi-figures.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class KpiFiguresComponent {
  private readonly kpis = inject(KpisService);
  private readonly programs = inject(ProgramsService);
  private readonly allPrograms = toSignal(inject(TranslocoService).selectTranslate('kpis.figures.allPrograms'), {
    initialValue: '',
  });

  readonly locale = input.required<Locale>();

  private readonly initial = yearToDateRange(today());
  protected readonly form = new FormGroup({
    from: new FormControl(this.initial.from, { nonNullable: true }),
    to: new FormControl(this.initial.to, { nonNullable: true }),
    programId: new FormControl('', { nonNullable: true }),
  });
  private readonly value = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });
  protected readonly range = computed(() => validRange(this.value().from, this.value().to));
  private readonly programList = signal<SelectOption[]>([]);
  /** Every programme first: the figures of the whole park. */
  protected readonly programOptions = computed<SelectOption[]>(() => [
    { value: '', label: this.allPrograms() },
    ...this.programList(),
  ]);
  protected readonly figures = signal<KpiAggregatesResponse | 'failed' | null>(null);
  protected readonly downloads = fileDownloads();

  constructor() {
    this.programs
      .listPrograms()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (programs) =>
          this.programList.set(programs.map((p) => ({ value: p.id, label: `${p.name} · ${p.siteName}` }))),
        error: () => undefined,
      });
    this.form.valueChanges
      .pipe(
        debounceTime(300),
        startWith(null),
        map(() => this.form.getRawValue()),
        switchMap(({ from, to, programId }) => {
          const range = validRange(from, to);
          if (!range) {
            return of(null);
          }
          this.figures.set(null);
          return this.kpis
            .aggregates({ ...range, programId: programId || undefined })
            .pipe(catchError(() => of('failed' as const)));
        }),
        takeUntilDestroyed(),
      )
      .subscribe((figures) => {
        if (figures !== null) {
          this.figures.set(figures);
        }
      });
  }

  protected euros(decimal: string | null): string {
    return formatEuros(decimal, this.locale());
  }

  protected number(decimal: string | number | null): string {
    return decimal === null ? '—' : new Intl.NumberFormat(this.locale(), { maximumFractionDigits: 2 }).format(Number(decimal));
  }

  protected rate(rate: number | null): string {
    return rate === null
      ? '—'
      : new Intl.NumberFormat(this.locale(), { style: 'percent', maximumFractionDigits: 1 }).format(rate / 100);
  }

  protected exportReports(format: KpiExportFormat): void {
    const range = this.range();
    if (range) {
      this.downloads.start(
        this.kpis.exportReports(format, range.from, range.to),
        `kpi-reports-${range.from}-${range.to}.${format}`,
      );
    }
  }
}
