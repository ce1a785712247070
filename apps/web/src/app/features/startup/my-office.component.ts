import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { LeaseResponse } from '@incubator/contracts';
import { CalendarDatePipe } from '../../core/i18n/calendar-date.pipe';
import { LocaleService } from '../../core/i18n/locale.service';
import { addDays } from '../../core/programs/cohort-dates';
import { formatCents } from '../../core/space/money';
import { SpaceService } from '../../core/space/space.service';

/** A startup's office leases, newest first: each version of a resized office is a line. */
@Component({
  selector: 'app-my-office',
  imports: [CalendarDatePipe, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'portal.office'">
      <section class="card" data-testid="my-office" aria-labelledby="my-office-title">
        <h2 id="my-office-title">{{ t('title') }}</h2>
        @if (failed()) {
          <p class="form-error" role="alert">{{ t('loadError') }}</p>
        } @else if (leases() === null) {
          <p aria-busy="true">…</p>
        } @else {
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
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyOfficeComponent {
  private readonly space = inject(SpaceService);

  readonly startupId = input.required<string>();

  protected readonly locale = inject(LocaleService).locale;
  protected readonly leases = signal<LeaseResponse[] | null>(null);
  protected readonly failed = signal(false);
  protected readonly lastDay = (endsOn: string) => addDays(endsOn, -1);
  // Null only for board members, who never reach this page.
  protected readonly money = (cents: number | null) => (cents === null ? '—' : formatCents(cents, this.locale()));

  constructor() {
    effect((onCleanup) => {
      const subscription = this.space.leases(this.startupId()).subscribe({
        next: (leases) => this.leases.set([...leases].sort((a, b) => b.startsOn.localeCompare(a.startsOn))),
        error: () => this.failed.set(true),
      });
      onCleanup(() => subscription.unsubscribe());
    });
  }
}
