import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { FundingRoundResponse, Locale } from '@incubator/contracts';
import { formatAmount } from '../../core/funding/amounts';
import { CalendarDatePipe } from '../../core/i18n/calendar-date.pipe';

/** A startup's funding rounds as a table; each can be opened for editing when `canEdit`. */
@Component({
  selector: 'app-round-list',
  imports: [CalendarDatePipe, MatButtonModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'funding'">
      <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="t('title')">
        <table class="data" data-testid="round-table">
          <thead>
            <tr>
              <th scope="col">{{ t('kind') }}</th>
              <th scope="col">{{ t('status') }}</th>
              <th scope="col" class="num">{{ t('amount') }}</th>
              <th scope="col" class="num">{{ t('amountEur') }}</th>
              <th scope="col">{{ t('date') }}</th>
              <th scope="col">{{ t('investors') }}</th>
              <th scope="col" class="num">{{ t('valuation') }}</th>
              @if (canEdit()) {
                <th scope="col"><span class="visually-hidden">{{ t('actions') }}</span></th>
              }
            </tr>
          </thead>
          <tbody>
            @for (round of rounds(); track round.id) {
              <tr data-testid="round-row" [attr.data-round-id]="round.id">
                <th scope="row" data-testid="round-kind-value">{{ t('kinds.' + round.kind) }}</th>
                <td>
                  <span class="badge" [attr.data-status]="round.status" data-testid="round-status-value">
                    {{ t('statuses.' + round.status) }}
                  </span>
                </td>
                <td class="num" data-testid="round-amount-value">{{ money(round.amount, round.currency) }}</td>
                <td class="num" data-testid="round-amount-eur-value">{{ money(round.amountEur, 'EUR') }}</td>
                <td>
                  @if (round.closedOn) {
                    {{ t('closedOn', { day: round.closedOn | calendarDate: locale() }) }}
                  } @else if (round.announcedOn) {
                    {{ t('announcedOn', { day: round.announcedOn | calendarDate: locale() }) }}
                  } @else {
                    —
                  }
                </td>
                <td data-testid="round-investors-value">
                  @for (investor of round.investors; track investor.id; let last = $last) {
                    {{ investor.name }}@if (investor.id === round.leadInvestorId) { ({{ t('lead') }}) }@if (!last) {, }
                  } @empty {
                    —
                  }
                </td>
                <td class="num">
                  @if (round.preMoneyValuation) {
                    {{ money(round.preMoneyValuation, round.currency) }}
                  } @else if (round.valuationHidden) {
                    <span class="muted">{{ t('confidential') }}</span>
                  } @else {
                    —
                  }
                </td>
                @if (canEdit()) {
                  <td>
                    <button mat-button type="button" (click)="edit.emit(round)" data-testid="round-edit">
                      {{ t('edit') }}
                    </button>
                  </td>
                }
              </tr>
            } @empty {
              <tr>
                <td [attr.colspan]="canEdit() ? 8 : 7" data-testid="rounds-empty">{{ t('empty') }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    </ng-container>
  `,
  styleUrl: './round-list.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RoundListComponent {
  readonly rounds = input.required<readonly FundingRoundResponse[]>();
  readonly locale = input.required<Locale>();
  readonly canEdit = input(false);
  readonly edit = output<FundingRoundResponse>();

  protected money(decimal: string, currency: string): string {
    return formatAmount(decimal, currency, this.locale());
  }
}
