import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { TranslocoDirective } from '@jsverse/transloco';
import { KpiDefinitionResponse, Permission } from '@incubator/contracts';
import { AuthService } from '../../../core/auth/auth.service';
import { LocaleService } from '../../../core/i18n/locale.service';
import { KpisService } from '../../../core/kpis/kpis.service';
import { RoundsExportComponent } from '../../funding/rounds-export.component';
import { KpiDefinitionsComponent } from './kpi-definitions.component';
import { KpiFiguresComponent } from './kpi-figures.component';
import { KpiImportComponent } from './kpi-import.component';
import { KpiQueueComponent } from './kpi-queue.component';
import { LateReportsComponent } from './late-reports.component';

/** The startups' KPI reports for the park team: validation, late reports, the ecosystem's figures, import and export, the KPI definitions. */
@Component({
  selector: 'app-kpis-page',
  imports: [
    KpiDefinitionsComponent,
    KpiFiguresComponent,
    KpiImportComponent,
    KpiQueueComponent,
    LateReportsComponent,
    RoundsExportComponent,
    TranslocoDirective,
  ],
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('kpis.manage.title') }}</h1>
      <p>{{ t('kpis.manage.intro') }}</p>

      @if (canValidate()) {
        <section aria-labelledby="kpi-queue-title">
          <h2 id="kpi-queue-title">{{ t('kpis.queue.title') }}</h2>
          <app-kpi-queue [definitions]="definitions()" [locale]="locale()" />
        </section>
      }

      <section aria-labelledby="kpi-late-title">
        <h2 id="kpi-late-title">{{ t('kpis.late.title') }}</h2>
        <app-late-reports [locale]="locale()" />
      </section>

      @if (canReadAggregates()) {
        <section aria-labelledby="kpi-figures-title">
          <h2 id="kpi-figures-title">{{ t('kpis.figures.title') }}</h2>
          <app-kpi-figures [locale]="locale()" />
        </section>
      }

      @if (canReadFunding()) {
        <section aria-labelledby="rounds-export-title">
          <h2 id="rounds-export-title">{{ t('funding.export.title') }}</h2>
          <p>{{ t('funding.export.intro') }}</p>
          <app-rounds-export />
        </section>
      }

      @if (canDefine()) {
        <section aria-labelledby="kpi-definitions-title">
          <h2 id="kpi-definitions-title">{{ t('kpis.definitions.title') }}</h2>
          <p>{{ t('kpis.definitions.intro') }}</p>
          <app-kpi-definitions [definitions]="definitions()" [locale]="locale()" (definitionCreated)="loadDefinitions()" />
        </section>
      }

      @if (canReport()) {
        <section aria-labelledby="kpi-import-title">
          <h2 id="kpi-import-title">{{ t('kpis.import.title') }}</h2>
          <app-kpi-import />
        </section>
      }
    </ng-container>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class KpisPage {
  private readonly auth = inject(AuthService);
  private readonly kpis = inject(KpisService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly locale = inject(LocaleService).locale;
  protected readonly definitions = signal<KpiDefinitionResponse[]>([]);
  protected readonly canValidate = computed(() => this.can(Permission.KpisValidate));
  protected readonly canReadAggregates = computed(() => this.can(Permission.AggregatesRead));
  protected readonly canReport = computed(() => this.can(Permission.KpisReport));
  protected readonly canDefine = computed(() => this.can(Permission.KpisDefine));
  protected readonly canReadFunding = computed(() => this.can(Permission.FundingRead));

  constructor() {
    this.loadDefinitions();
  }

  /** Every definition, fetched again after one is added. */
  protected loadDefinitions(): void {
    this.kpis
      .definitions()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (definitions) => this.definitions.set(definitions), error: () => undefined });
  }

  private can(permission: Permission): boolean {
    return this.auth.permissions().includes(permission);
  }
}
