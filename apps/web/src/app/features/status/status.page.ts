import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { HealthDependency } from '@incubator/contracts';
import { startWith, Subject, switchMap, tap } from 'rxjs';
import { HealthCheck, HealthService } from '../../core/health/health.service';
import { LocaleService } from '../../core/i18n/locale.service';

const DEPENDENCIES: readonly HealthDependency[] = ['database', 'redis'];

export type OverallStatus = 'ok' | 'error' | 'shutting_down' | 'unreachable';
export type DependencyStatus = 'up' | 'down' | 'unknown';

@Component({
  selector: 'app-status-page',
  imports: [MatButtonModule, TranslocoDirective],
  templateUrl: './status.page.html',
  styleUrl: './status.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusPage {
  private readonly health = inject(HealthService);
  private readonly localeService = inject(LocaleService);
  private readonly refreshes = new Subject<void>();

  protected readonly check = signal<HealthCheck | null>(null);
  protected readonly loading = signal(false);

  protected readonly overall = computed<OverallStatus | null>(() => {
    const check = this.check();
    if (!check) {
      return null;
    }
    return check.kind === 'report' ? check.report.status : 'unreachable';
  });

  protected readonly dependencies = computed(() => {
    const check = this.check();
    if (check?.kind !== 'report') {
      return [];
    }
    return DEPENDENCIES.map((name) => ({
      name,
      status: (check.report.details[name]?.status ?? 'unknown') satisfies DependencyStatus,
    }));
  });

  /** HTTP status of an answer without a report; 0 means the request never got an answer. */
  protected readonly failureStatus = computed(() => {
    const check = this.check();
    return check?.kind === 'unreachable' ? check.httpStatus : null;
  });

  protected readonly checkedAt = computed(() => {
    const check = this.check();
    if (!check) {
      return null;
    }
    const format = new Intl.DateTimeFormat(this.localeService.locale(), {
      dateStyle: 'medium',
      timeStyle: 'medium',
    });
    return { iso: check.checkedAt.toISOString(), label: format.format(check.checkedAt) };
  });

  constructor() {
    this.refreshes
      .pipe(
        startWith(undefined),
        tap(() => this.loading.set(true)),
        // A new click cancels a check still in flight, so the page never shows a stale answer.
        switchMap(() => this.health.check()),
        takeUntilDestroyed(),
      )
      .subscribe((check) => {
        this.check.set(check);
        this.loading.set(false);
      });
  }

  protected refresh(): void {
    this.refreshes.next();
  }
}
