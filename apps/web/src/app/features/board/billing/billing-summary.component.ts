import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { TranslocoDirective } from '@jsverse/transloco';
import { BillingQuarterSummary, Locale, shiftQuarter } from '@incubator/contracts';
import { catchError, of, startWith, switchMap } from 'rxjs';
import { formatCents, quarterMonths } from '../../../core/billing/billing-format';
import { BillingService } from '../../../core/billing/billing.service';
import { formatQuarter } from '../../../core/reports/quarters';

/** The months a board summary asks for: the four quarters ending with `quarter`. */
export function summaryRange(quarter: string): { from: string; to: string } | null {
  const last = quarterMonths(quarter);
  const first = last ? quarterMonths(shiftQuarter(quarter, 3)) : null;
  return first && last ? { from: first.from, to: last.to } : null;
}

type Loaded = BillingQuarterSummary[] | 'failed' | null;

/** The board's view of billing: billed, collected and overdue per quarter, totals only. */
@Component({
  selector: 'app-billing-summary',
  imports: [TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      @let rows = data();
      @if (rows === 'failed') {
        <p class="form-error" role="alert">{{ t('billing.loadError') }}</p>
      } @else if (rows === null) {
        <p class="muted" aria-busy="true">{{ t('pipeline.loading') }}</p>
      } @else {
        <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="t('billing.board.title')">
          <table class="data" data-testid="board-billing">
            <thead>
              <tr>
                <th scope="col">{{ t('billing.board.quarter') }}</th>
                <th scope="col" class="num">{{ t('billing.board.billed') }}</th>
                <th scope="col" class="num">{{ t('billing.board.collected') }}</th>
                <th scope="col" class="num">{{ t('billing.board.overdue') }}</th>
              </tr>
            </thead>
            <tbody>
              @for (row of rows; track row.quarter) {
                <tr [attr.data-testid]="'board-billing-' + row.quarter">
                  <th scope="row">{{ quarterLabel(row.quarter) }}</th>
                  <td class="num">{{ money(row.billedCents) }}</td>
                  <td class="num">{{ money(row.collectedCents) }}</td>
                  <td class="num">{{ money(row.overdueCents) }}</td>
                </tr>
              } @empty {
                <tr><td colspan="4" class="muted">{{ t('billing.board.empty') }}</td></tr>
              }
            </tbody>
          </table>
        </div>
      }
    </ng-container>
  `,
  styleUrl: '../../manage/billing/billing.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BillingSummaryComponent {
  private readonly billing = inject(BillingService);
  readonly quarter = input.required<string>();
  readonly locale = input.required<Locale>();
  protected readonly data = signal<Loaded>(null);

  constructor() {
    toObservable(this.quarter)
      .pipe(
        switchMap((quarter) => {
          const range = summaryRange(quarter);
          return range
            ? this.billing.summary(range.from, range.to).pipe(catchError(() => of('failed' as const)), startWith(null))
            : of('failed' as const);
        }),
        takeUntilDestroyed(),
      )
      .subscribe((data) => this.data.set(data));
  }

  protected money(cents: number): string {
    return formatCents(cents, this.locale());
  }

  protected quarterLabel(quarter: string): string {
    return formatQuarter(quarter, this.locale());
  }
}
