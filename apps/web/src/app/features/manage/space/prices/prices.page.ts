import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { Locale, Permission, PROGRAM_KINDS, ProgramKind, SiteResponse, SpacePriceResponse } from '@incubator/contracts';
import { AuthService } from '../../../../core/auth/auth.service';
import { FormError, formError } from '../../../../core/forms/api-error';
import { SelectFieldComponent, SelectOption } from '../../../../core/forms/select-field.component';
import { CalendarDatePipe } from '../../../../core/i18n/calendar-date.pipe';
import { LocaleService } from '../../../../core/i18n/locale.service';
import { OrganisationService } from '../../../../core/organisation/organisation.service';
import { euroAmount, eurosToCents, formatCents } from '../../../../core/space/money';
import { PriceListService } from '../../../../core/space/price-list.service';
import { today } from '../../../../core/space/today';
import { csvAmount, localeCsv, saveCsv } from '../../../../core/space/browser-csv';
import { DateFieldComponent } from '../../../../core/ui/form-field/date-field.component';

/** A price of the list with whether it is the one in force today for its site and kind. */
export interface PriceLine extends SpacePriceResponse {
  current: boolean;
}

/**
 * Marks, for each site × kind, the price in force on `day`: the latest effective on or before it.
 * The list comes newest first within each pair.
 */
export function markCurrent(prices: SpacePriceResponse[], day: string): PriceLine[] {
  const seen = new Set<string>();
  return prices.map((price) => {
    const pair = `${price.siteId}|${price.programKind}`;
    const current = !seen.has(pair) && price.effectiveFrom <= day;
    if (current) {
      seen.add(pair);
    }
    return { ...price, current };
  });
}

/** The list as CSV in the user's language: `;` and decimal commas in French, `,` and points in English. */
export function pricesCsv(lines: PriceLine[], locale: Locale, header: string[], kindLabel: (kind: ProgramKind) => string): string {
  const rows = lines.map((l) => [l.siteName, kindLabel(l.programKind), l.effectiveFrom, csvAmount(l.monthlyPricePerM2Cents, locale)]);
  return localeCsv([header, ...rows], locale);
}

/** The price lists per site × program kind, with their history, and adding a price from a date. */
@Component({
  selector: 'app-prices-page',
  imports: [CalendarDatePipe, DateFieldComponent, MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, RouterLink, SelectFieldComponent, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <div class="page-header">
        <h1>{{ t('prices.title') }}</h1>
        <div class="actions">
          <button mat-stroked-button type="button" (click)="exportCsv()" [disabled]="!lines()?.length" data-testid="prices-export">
            {{ t('prices.export') }}
          </button>
          <a mat-button routerLink="/manage/space">{{ t('prices.back') }}</a>
        </div>
      </div>
      <p class="muted">{{ t('prices.intro') }}</p>

      @if (sites().length > 1) {
        <app-select-field
          [control]="siteFilter"
          [label]="t('prices.site')"
          [options]="siteOptions()"
          [placeholder]="t('prices.allSites')"
          testId="prices-site-filter"
        />
      }

      @if (loadFailed()) {
        <p class="form-error" role="alert" data-testid="prices-load-error">{{ t('prices.loadError') }}</p>
      }

      @if (lines(); as lines) {
        <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="t('prices.title')">
          <table class="data" data-testid="prices-table">
            <thead>
              <tr>
                <th scope="col">{{ t('prices.site') }}</th>
                <th scope="col">{{ t('prices.kind') }}</th>
                <th scope="col">{{ t('prices.effectiveFrom') }}</th>
                <th scope="col" class="num">{{ t('prices.price') }}</th>
                <th scope="col">{{ t('prices.status') }}</th>
              </tr>
            </thead>
            <tbody>
              @for (line of visible(); track line.id) {
                <tr [attr.data-testid]="'price-row-' + line.id" [class.is-current]="line.current">
                  <td>{{ line.siteName }}</td>
                  <td>{{ t('pipeline.kinds.' + line.programKind) }}</td>
                  <td>{{ line.effectiveFrom | calendarDate: locale() }}</td>
                  <td class="num" data-testid="price-amount">{{ money(line.monthlyPricePerM2Cents) }}</td>
                  <td data-testid="price-status">
                    {{ line.current ? t('prices.current') : line.effectiveFrom > day ? t('prices.upcoming') : t('prices.past') }}
                  </td>
                </tr>
              } @empty {
                <tr><td colspan="5" data-testid="prices-empty">{{ t('prices.empty') }}</td></tr>
              }
            </tbody>
          </table>
        </div>
      } @else if (!loadFailed()) {
        <p class="muted" aria-busy="true">{{ t('pipeline.loading') }}</p>
      }

      @if (canManage()) {
        <section class="card" data-testid="prices-form-panel">
          <h2>{{ t('prices.add') }}</h2>
          <form class="form-grid" [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <app-select-field [control]="form.controls.siteId" [label]="t('prices.site')" [options]="siteOptions()" [placeholder]="t('prices.chooseSite')" testId="prices-site" />
            <app-select-field [control]="form.controls.programKind" [label]="t('prices.kind')" [options]="kinds" labelKey="pipeline.kinds." testId="prices-kind" />
            <app-date-field
              [control]="form.controls.effectiveFrom"
              [label]="t('prices.effectiveFrom')"
              [hint]="t('prices.effectiveFromHint')"
              testId="prices-from"
            />
            <mat-form-field appearance="outline">
              <mat-label>{{ t('prices.priceInput') }}</mat-label>
              <input matInput inputmode="decimal" formControlName="price" data-testid="prices-price" />
              @if (form.controls.price.hasError('euroAmount')) {
                <mat-error>{{ t('prices.priceInvalid') }}</mat-error>
              }
            </mat-form-field>
            <div>
              <button mat-flat-button type="submit" [disabled]="submitting()" data-testid="prices-submit">{{ t('prices.submit') }}</button>
            </div>
          </form>
          @if (submitError(); as error) {
            <p class="form-error" role="alert" data-testid="prices-form-error">{{ error.key ? t(error.key) : error.text }}</p>
          }
        </section>
      }
    </ng-container>
  `,
  styles: `
    :host {
      display: block;
    }
    .page-header,
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem 1rem;
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
    .is-current td {
      font-weight: 600;
    }
    .card {
      padding: 1rem;
      margin-bottom: 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    .card h2 {
      margin-top: 0;
      font: var(--mat-sys-title-medium);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .form-grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
      gap: 0 1rem;
      align-items: start;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PricesPage {
  private readonly prices = inject(PriceListService);
  private readonly organisation = inject(OrganisationService);
  private readonly auth = inject(AuthService);
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly locale = inject(LocaleService).locale;
  protected readonly canManage = computed(() => this.auth.permissions().includes(Permission.SpaceManage));
  protected readonly kinds = PROGRAM_KINDS;
  protected readonly day = today();

  protected readonly sites = signal<SiteResponse[]>([]);
  private readonly formDirective = viewChild(FormGroupDirective);
  protected readonly siteOptions = computed<SelectOption[]>(() => this.sites().map((s) => ({ value: s.id, label: s.name })));
  protected readonly siteFilter = this.fb.control('');
  private readonly filter = signal('');

  protected readonly lines = signal<PriceLine[] | null>(null);
  protected readonly visible = computed(() => (this.lines() ?? []).filter((l) => !this.filter() || l.siteId === this.filter()));
  protected readonly loadFailed = signal(false);

  protected readonly form = this.fb.group({
    siteId: ['', Validators.required],
    programKind: this.fb.control<string>('incubator', Validators.required),
    effectiveFrom: [today(), Validators.required],
    price: ['', [Validators.required, euroAmount]],
  });
  protected readonly submitting = signal(false);
  protected readonly submitError = signal<FormError | null>(null);

  constructor() {
    this.organisation
      .get()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (organisation) => {
          this.sites.set(organisation.sites);
          if (organisation.sites.length === 1) {
            this.form.controls.siteId.setValue(organisation.sites[0].id);
          }
        },
        error: () => this.sites.set([]),
      });
    this.siteFilter.valueChanges.pipe(takeUntilDestroyed()).subscribe((siteId) => this.filter.set(siteId ?? ''));
    this.load();
  }

  protected money(cents: number): string {
    return formatCents(cents, this.locale());
  }

  private load(): void {
    this.prices.list().subscribe({
      next: (prices) => {
        this.loadFailed.set(false);
        this.lines.set(markCurrent(prices, this.day));
      },
      error: () => this.loadFailed.set(true),
    });
  }

  protected submit(): void {
    const form = this.form;
    if (form.invalid) {
      form.markAllAsTouched();
      return;
    }
    const value = form.getRawValue();
    const cents = eurosToCents(value.price);
    if (cents === null || this.submitting()) {
      return;
    }
    this.submitting.set(true);
    this.submitError.set(null);
    this.prices
      .add({ siteId: value.siteId, programKind: value.programKind as ProgramKind, effectiveFrom: value.effectiveFrom, monthlyPricePerM2Cents: cents })
      .subscribe({
        next: () => {
          this.submitting.set(false);
          // resetForm, not reset: the directive forgets it was submitted, so the emptied price shows no error.
          const { siteId, programKind, effectiveFrom } = form.getRawValue();
          this.formDirective()?.resetForm({ siteId, programKind, effectiveFrom, price: '' });
          this.load();
        },
        error: (error: unknown) => {
          this.submitting.set(false);
          this.submitError.set(formError(form, error, { monthlyPricePerM2Cents: 'price' }));
        },
      });
  }

  protected exportCsv(): void {
    const t = (key: string) => this.transloco.translate(key);
    const header = [t('prices.site'), t('prices.kind'), t('prices.effectiveFrom'), t('prices.priceColumn')];
    const csv = pricesCsv(this.visible(), this.locale(), header, (kind) => t(`pipeline.kinds.${kind}`));
    saveCsv(this.document, csv, `${t('prices.fileName')}-${this.day}.csv`);
  }
}
