import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { LeaseOfficeResponse, LeaseResponse } from '@incubator/contracts';
import { catchError, of, switchMap } from 'rxjs';
import { CalendarDatePipe } from '../../core/i18n/calendar-date.pipe';
import { LocaleService } from '../../core/i18n/locale.service';
import { addDays } from '../../core/programs/cohort-dates';
import { formatCents } from '../../core/space/money';
import { SpaceService } from '../../core/space/space.service';
import { today } from '../../core/space/today';
import { LeaseOfficeService } from './lease-office.service';
import { OfficePlanComponent } from './office-plan.component';

/** The lease whose office is shown: the one running today, else the next to start; none once all ended. */
export function shownLease(leases: readonly LeaseResponse[], day: string): LeaseResponse | null {
  const live = leases.filter((l) => l.endsOn === null || l.endsOn > day);
  return live.find((l) => l.startsOn <= day) ?? [...live].sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0] ?? null;
}

/** A startup's office: where it is (building, floor, a sketch of the floor), then its leases, newest first. */
@Component({
  selector: 'app-my-office',
  imports: [CalendarDatePipe, OfficePlanComponent, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'portal.office'">
      <ng-container *transloco="let t2; prefix: 'startup.office'">
      <section class="card" data-testid="my-office" aria-labelledby="my-office-title">
        <h2 id="my-office-title">{{ t('title') }}</h2>
        @if (failed()) {
          <p class="form-error" role="alert">{{ t('loadError') }}</p>
        } @else if (leases() === null) {
          <p aria-busy="true">…</p>
        } @else {
          @if (office(); as o) {
            <dl class="where" data-testid="my-office-where">
              <div>
                <dt>{{ t2('building') }}</dt>
                <dd data-testid="my-office-building">{{ o.buildingName ?? '—' }}</dd>
              </div>
              <div>
                <dt>{{ t2('floor') }}</dt>
                <dd data-testid="my-office-floor">{{ o.floorName }} ({{ t2('level', { level: o.floorLevel }) }})</dd>
              </div>
            </dl>
            <h3>{{ t2('planTitle') }}</h3>
            <app-office-plan [office]="o" />
          }
          <ul>
            @for (lease of leases(); track lease.id) {
              <li [attr.data-testid]="'my-office-lease-' + lease.id">
                <strong>{{ lease.areaM2 }} m²</strong> · {{ t('modules', { count: lease.moduleIds.length }) }} ·
                {{ t('rent', { rent: money(lease.monthlyRentCents) }) }}<br />
                {{ t('from', { day: lease.startsOn | calendarDate: locale() }) }}
                @if (lease.endsOn) {
                  {{ t('until', { day: lastDay(lease.endsOn) | calendarDate: locale() }) }}
                } @else {
                  {{ t('openEnded') }}
                }
              </li>
            } @empty {
              <li data-testid="my-office-none">{{ t('none') }}</li>
            }
          </ul>
        }
      </section>
      </ng-container>
    </ng-container>
  `,
  styles: `
    .card {
      padding: 1rem;
      margin: 1rem 0;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    h2 {
      margin-top: 0;
    }
    ul {
      padding-left: 1.25rem;
    }
    .where {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 2rem;
      margin: 0 0 0.5rem;
    }
    .where dt {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-medium);
    }
    .where dd {
      margin: 0;
      font-weight: 500;
    }
    h3 {
      margin: 0.5rem 0;
      font: var(--mat-sys-title-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyOfficeComponent {
  private readonly space = inject(SpaceService);
  private readonly offices = inject(LeaseOfficeService);

  readonly startupId = input.required<string>();

  protected readonly locale = inject(LocaleService).locale;
  protected readonly leases = signal<LeaseResponse[] | null>(null);
  protected readonly failed = signal(false);
  /** Where the current (or next) office is; null while unknown or when it could not be read (the leases still show). */
  protected readonly office = signal<LeaseOfficeResponse | null>(null);
  protected readonly lastDay = (endsOn: string) => addDays(endsOn, -1);
  // Null only for board members, who never reach this page.
  protected readonly money = (cents: number | null) => (cents === null ? '—' : formatCents(cents, this.locale()));

  constructor() {
    effect((onCleanup) => {
      const subscription = this.space
        .leases(this.startupId())
        .pipe(
          switchMap((leases) => {
            this.leases.set([...leases].sort((a, b) => b.startsOn.localeCompare(a.startsOn)));
            const lease = shownLease(leases, today());
            return lease ? this.offices.office(lease.id).pipe(catchError(() => of(null))) : of(null);
          }),
        )
        .subscribe({
          next: (office) => this.office.set(office),
          error: () => this.failed.set(true),
        });
      onCleanup(() => subscription.unsubscribe());
    });
  }
}
