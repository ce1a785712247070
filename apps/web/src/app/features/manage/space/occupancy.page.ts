import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { OccupancyResponse, RentRollResponse } from '@incubator/contracts';
import { startWith } from 'rxjs';
import { fileDownloads } from '../../../core/api/file-download';
import { CalendarDatePipe } from '../../../core/i18n/calendar-date.pipe';
import { LocalNumberPipe } from '../../../core/i18n/local-number.pipe';
import { LocaleService } from '../../../core/i18n/locale.service';
import { formatCents } from '../../../core/space/money';
import { SpaceExportFormat, SpaceService } from '../../../core/space/space.service';
import { today } from '../../../core/space/today';
import { DateFieldComponent } from '../../../core/ui/form-field/date-field.component';
import { MonthFieldComponent } from '../../../core/ui/form-field/month-field.component';

/** A rate 0..1 as a percentage in the user's language. */
export function formatRate(rate: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** How full each floor is on a day, and the rent each lease owes for a month. */
@Component({
  selector: 'app-occupancy-page',
  imports: [
    CalendarDatePipe,
    DateFieldComponent,
    LocalNumberPipe,
    MatButtonModule,
    MonthFieldComponent,
    RouterLink,
    TranslocoDirective,
  ],
  template: `
    <ng-container *transloco="let t; prefix: 'space.occupancy'">
      <div class="page-header">
        <h1>{{ t('title') }}</h1>
        <a mat-button routerLink="/manage/space">{{ t('back') }}</a>
      </div>

      <app-date-field class="picker" [control]="dateControl" [label]="t('date')" testId="occupancy-date" />
      <div class="exports" role="group" [attr.aria-label]="t('export')">
        <button mat-stroked-button type="button" [disabled]="exporting() !== null" (click)="exportOccupancy('csv')" data-testid="occupancy-export-csv">
          {{ t('export') }} {{ t('exportCsv') }}
        </button>
        <button mat-stroked-button type="button" [disabled]="exporting() !== null" (click)="exportOccupancy('xlsx')" data-testid="occupancy-export-xlsx">
          {{ t('export') }} {{ t('exportXlsx') }}
        </button>
      </div>
      @if (exportError(); as error) {
        <!-- The key of a generic error is outside this page's prefix. -->
        <p class="form-error" role="alert" data-testid="export-error" *transloco="let root">
          {{ error.key ? root(error.key) : error.text }}
        </p>
      }

      @if (occupancyFailed()) {
        <p class="form-error" role="alert">{{ t('loadError') }}</p>
      }
      @if (occupancy(); as o) {
        <p class="totals">
          <span>{{ t('leased') }} <strong data-testid="occupancy-total-leased">{{ o.totals.leasedM2 }}</strong> m²</span>
          <span>/ {{ o.totals.leasableM2 | localNumber: locale() }} m²</span>
          <strong data-testid="occupancy-total-rate">{{ rate(o.totals.occupancyRate) }}</strong>
          <span>· {{ t('vacant', { count: o.totals.vacantModules }) }}</span>
        </p>
        <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="t('title')">
          <table class="data" data-testid="occupancy-table">
            <caption>{{ o.on | calendarDate: locale() }}</caption>
            <thead>
              <tr>
                <th scope="col">{{ t('floor') }}</th>
                <th scope="col" class="num">{{ t('leasedM2') }}</th>
                <th scope="col" class="num">{{ t('leasableM2') }}</th>
                <th scope="col">{{ t('rate') }}</th>
                <th scope="col" class="num">{{ t('largestBlock') }}</th>
              </tr>
            </thead>
            <tbody>
              @for (row of o.floors; track row.floorId) {
                <tr [attr.data-testid]="'occupancy-row-' + row.floorName">
                  <th scope="row">{{ row.siteName }} · {{ row.buildingName }} · {{ row.floorName }}</th>
                  <td class="num" data-testid="occupancy-leased">{{ row.leasedM2 }}</td>
                  <td class="num">{{ row.leasableM2 | localNumber: locale() }}</td>
                  <td>
                    <span class="bar" aria-hidden="true"><span [style.width.%]="row.occupancyRate * 100"></span></span>
                    {{ rate(row.occupancyRate) }}
                  </td>
                  <td class="num">{{ row.largestFreeBlockModules * 24 }} m²</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }

      <h2>{{ t('rentRoll') }}</h2>
      <app-month-field
        class="picker"
        [control]="monthControl"
        [label]="t('month')"
        [placeholder]="t('monthPattern')"
        [invalidText]="t('monthInvalid')"
        testId="rentroll-month"
      />
      <div class="exports" role="group" [attr.aria-label]="t('export')">
        <button mat-stroked-button type="button" [disabled]="exporting() !== null" (click)="exportRentRoll('csv')" data-testid="rentroll-export-csv">
          {{ t('export') }} {{ t('exportCsv') }}
        </button>
        <button mat-stroked-button type="button" [disabled]="exporting() !== null" (click)="exportRentRoll('xlsx')" data-testid="rentroll-export-xlsx">
          {{ t('export') }} {{ t('exportXlsx') }}
        </button>
      </div>
      @if (rentRollFailed()) {
        <p class="form-error" role="alert">{{ t('loadError') }}</p>
      }
      @if (rentRoll(); as roll) {
        <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="t('rentRoll')">
          <table class="data" data-testid="rentroll-table">
            <thead>
              <tr>
                <th scope="col">{{ t('startup') }}</th>
                <th scope="col">{{ t('kind') }}</th>
                <th scope="col" class="num">m²</th>
                <th scope="col" class="num">{{ t('price') }}</th>
                <th scope="col" class="num">{{ t('days', { days: roll.daysInMonth }) }}</th>
                <th scope="col" class="num">{{ t('rent') }}</th>
              </tr>
            </thead>
            <tbody>
              @for (line of roll.lines; track line.leaseId) {
                <tr [attr.data-testid]="'rentroll-line-' + line.leaseId">
                  <th scope="row">{{ line.startupName }}</th>
                  <td>{{ t('kinds.' + line.programKind) }}</td>
                  <td class="num">{{ line.areaM2 }}</td>
                  <td class="num">{{ money(line.monthlyPricePerM2Cents) }}</td>
                  <td class="num">{{ line.days }}</td>
                  <td class="num">{{ money(line.rentCents) }}</td>
                </tr>
              } @empty {
                <tr><td colspan="6">{{ t('noLeases') }}</td></tr>
              }
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colspan="5">{{ t('total') }}</th>
                <td class="num" data-testid="rentroll-total">{{ money(roll.totalCents) }}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      }
    </ng-container>
  `,
  styles: `
    :host {
      display: block;
    }
    .picker {
      max-width: 16rem;
    }
    .page-header,
    .totals,
    .exports {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem 1rem;
    }
    .totals,
    .exports {
      justify-content: flex-start;
    }
    .exports {
      margin-bottom: 1rem;
    }
    .data {
      width: 100%;
      border-collapse: collapse;
      margin-bottom: 1.5rem;
    }
    .data th,
    .data td {
      padding: 0.4rem 0.5rem;
      text-align: left;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .data .num {
      text-align: right;
    }
    .bar {
      display: inline-block;
      width: 8rem;
      height: 0.6rem;
      margin-right: 0.5rem;
      background: var(--mat-sys-surface-variant, #eee);
      border-radius: 3px;
      overflow: hidden;
      vertical-align: middle;
    }
    .bar > span {
      display: block;
      height: 100%;
      background: var(--mat-sys-primary, #36c);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OccupancyPage {
  private readonly space = inject(SpaceService);

  protected readonly locale = inject(LocaleService).locale;
  protected readonly dateControl = new FormControl(today(), { nonNullable: true });
  protected readonly monthControl = new FormControl(today().slice(0, 7), { nonNullable: true });
  protected readonly occupancy = signal<OccupancyResponse | null>(null);
  protected readonly rentRoll = signal<RentRollResponse | null>(null);
  protected readonly occupancyFailed = signal(false);
  protected readonly rentRollFailed = signal(false);
  protected readonly rate = (value: number) => formatRate(value, this.locale());
  protected readonly money = (cents: number) => formatCents(cents, this.locale());
  /** One file at a time. */
  private readonly downloads = fileDownloads();
  protected readonly exporting = this.downloads.busy;
  protected readonly exportError = this.downloads.error;

  constructor() {
    this.dateControl.valueChanges.pipe(startWith(this.dateControl.value), takeUntilDestroyed()).subscribe((on) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(on)) {
        return;
      }
      this.space.occupancy(on).subscribe({
        next: (occupancy) => {
          this.occupancyFailed.set(false);
          this.occupancy.set(occupancy);
        },
        error: () => this.occupancyFailed.set(true),
      });
    });
    this.monthControl.valueChanges.pipe(startWith(this.monthControl.value), takeUntilDestroyed()).subscribe((month) => {
      if (!/^\d{4}-\d{2}$/.test(month)) {
        return;
      }
      this.space.rentRoll(month).subscribe({
        next: (roll) => {
          this.rentRollFailed.set(false);
          this.rentRoll.set(roll);
        },
        error: () => this.rentRollFailed.set(true),
      });
    });
  }

  protected exportOccupancy(format: SpaceExportFormat): void {
    const on = this.dateControl.value;
    if (/^\d{4}-\d{2}-\d{2}$/.test(on)) {
      this.downloads.start(this.space.occupancyExport(on, format), `occupancy-${on}.${format}`);
    }
  }

  protected exportRentRoll(format: SpaceExportFormat): void {
    const month = this.monthControl.value;
    if (/^\d{4}-\d{2}$/.test(month)) {
      this.downloads.start(this.space.rentRollExport(month, format), `rent-roll-${month}.${format}`);
    }
  }
}
