import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { CreateWaitlistRequest, Locale, Permission, WaitlistEntryResponse } from '@incubator/contracts';
import { catchError, EMPTY, interval, merge, startWith, Subject, switchMap } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { FormError, formError, genericError, httpStatus } from '../../../core/forms/api-error';
import { SelectOption } from '../../../core/forms/select-field.component';
import { CalendarDatePipe } from '../../../core/i18n/calendar-date.pipe';
import { LocalDatePipe } from '../../../core/i18n/local-date.pipe';
import { LocaleService } from '../../../core/i18n/locale.service';
import { addDays } from '../../../core/programs/cohort-dates';
import { StartupsService } from '../../../core/startups/startups.service';
import { localeCsv, saveCsv } from '../../../core/space/browser-csv';
import { centsToEuros } from '../../../core/space/money';
import { officeRequestForm, officeRequestValue } from '../../../core/space/office-request';
import { OfficeRequestFieldsComponent } from '../../../core/space/office-request-fields.component';
import { SpaceService } from '../../../core/space/space.service';
import { today } from '../../../core/space/today';

/** Offers are made by a job on the server: the list is read again this often while the page is open. */
export const WAITLIST_REFRESH_MS = 10_000;

const DEFAULT_PRICE_CENTS = 1500;

/** Startups waiting for an office, the offers made to them, and queuing a new request. */
@Component({
  selector: 'app-waitlist-page',
  imports: [CalendarDatePipe, LocalDatePipe, MatButtonModule, OfficeRequestFieldsComponent, ReactiveFormsModule, RouterLink, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <div class="page-header">
        <h1>{{ t('space.waitlist.title') }}</h1>
        <div class="links">
          <button mat-stroked-button type="button" (click)="exportCsv()" [disabled]="!entries()?.length" data-testid="waitlist-export">
            {{ t('space.waitlist.export') }}
          </button>
          <a mat-button routerLink="/manage/space">{{ t('space.occupancy.back') }}</a>
        </div>
      </div>

      @if (loadFailed()) {
        <p class="form-error" role="alert" data-testid="waitlist-load-error">{{ t('space.occupancy.loadError') }}</p>
      }
      @if (acceptError(); as error) {
        <p class="form-error" role="alert" data-testid="waitlist-error">{{ error.key ? t(error.key) : error.text }}</p>
      }

      @if (entries(); as entries) {
        <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="t('space.waitlist.title')">
          <table class="data" data-testid="waitlist-table">
            <thead>
              <tr>
                <th scope="col" class="num">{{ t('space.waitlist.position') }}</th>
                <th scope="col">{{ t('space.waitlist.startup') }}</th>
                <th scope="col" class="num">m²</th>
                <th scope="col">{{ t('space.waitlist.from') }}</th>
                <th scope="col">{{ t('space.waitlist.kind') }}</th>
                <th scope="col">{{ t('space.waitlist.status') }}</th>
                <th scope="col">{{ t('space.waitlist.requestedAt') }}</th>
                <th scope="col">{{ t('space.waitlist.reason') }}</th>
                <th scope="col">{{ t('space.waitlist.offer') }}</th>
                @if (canManage()) {
                  <th scope="col"><span class="visually-hidden">{{ t('space.waitlist.actions') }}</span></th>
                }
              </tr>
            </thead>
            <tbody>
              @for (entry of entries; track entry.id) {
                <tr [attr.data-testid]="'waitlist-row-' + entry.startupName">
                  <td class="num" data-testid="waitlist-position">{{ entry.position ?? '—' }}</td>
                  <th scope="row">{{ entry.startupName }}</th>
                  <td class="num" data-testid="waitlist-area-m2">{{ entry.areaM2 }}</td>
                  <td>{{ entry.startsOn | calendarDate: locale() }}</td>
                  <td>{{ t('pipeline.kinds.' + entry.programKind) }}</td>
                  <td data-testid="waitlist-status">{{ t('space.waitlist.statuses.' + entry.status) }}</td>
                  <td>{{ entry.requestedAt | localDate: locale() }}</td>
                  <td class="reason" data-testid="waitlist-reason">{{ reason(entry) }}</td>
                  <td data-testid="waitlist-offer">
                    @if (entry.offer; as offer) {
                      <span>
                        {{ t('space.waitlist.offerModules', { count: offer.moduleIds.length }) }} ·
                        {{ t('space.waitlist.offerStatuses.' + offer.status) }}
                      </span>
                      @if (offer.status === 'open') {
                        <span class="muted" data-testid="waitlist-offer-deadline">
                          {{ t('space.waitlist.deadline', { at: offer.expiresAt | localDate: locale() }) }}
                        </span>
                        @if (canManage()) {
                          <button
                            mat-flat-button
                            type="button"
                            [disabled]="accepting() !== null"
                            (click)="accept(offer.id)"
                            data-testid="waitlist-accept"
                          >
                            {{ t('space.waitlist.accept') }}
                          </button>
                        }
                      }
                    } @else {
                      —
                    }
                  </td>
                  @if (canManage()) {
                    <td class="row-actions">
                      @if (entry.status === 'waiting') {
                        <a
                          mat-stroked-button
                          routerLink="/manage/space"
                          [queryParams]="offerParams(entry)"
                          [attr.aria-label]="t('space.waitlist.makeOfferFor', { startup: entry.startupName })"
                          data-testid="waitlist-make-offer"
                        >
                          {{ t('space.waitlist.makeOffer') }}
                        </a>
                      }
                      @if (entry.status === 'waiting' || entry.status === 'offered') {
                        <button
                          mat-button
                          type="button"
                          [disabled]="cancelling() !== null"
                          (click)="cancel(entry)"
                          [attr.aria-label]="t('space.waitlist.cancelFor', { startup: entry.startupName })"
                          data-testid="waitlist-cancel"
                        >
                          {{ t('space.waitlist.cancel') }}
                        </button>
                      }
                    </td>
                  }
                </tr>
              } @empty {
                <tr><td [attr.colspan]="canManage() ? 10 : 9">{{ t('space.waitlist.empty') }}</td></tr>
              }
            </tbody>
          </table>
        </div>
      } @else if (!loadFailed()) {
        <p class="muted" aria-busy="true">{{ t('pipeline.loading') }}</p>
      }

      @if (canManage()) {
        <section class="card" data-testid="waitlist-form-panel">
          <h2>{{ t('space.waitlist.queue') }}</h2>
          <form class="form-grid" [formGroup]="form" (ngSubmit)="submit()" novalidate>
            <app-office-request-fields [form]="form" [startupOptions]="startupOptions()" prefix="waitlist" [priceHint]="t('space.allocate.priceHint')" />
            <div>
              <button mat-flat-button type="submit" [disabled]="submitting()" data-testid="waitlist-submit">
                {{ t('space.waitlist.submit') }}
              </button>
            </div>
          </form>
          @if (submitError(); as error) {
            <p class="form-error" role="alert" data-testid="waitlist-form-error">{{ error.key ? t(error.key) : error.text }}</p>
          }
        </section>
      }
    </ng-container>
  `,
  styles: `
    :host {
      display: block;
    }
    .page-header {
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
    .links {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.5rem;
    }
    .row-actions {
      white-space: nowrap;
    }
    .row-actions > * + * {
      margin-inline-start: 0.5rem;
    }
    .reason {
      min-width: 12rem;
    }
    .data td[data-testid='waitlist-offer'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
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
    /* A row gap: a field's hint never touches the floating label of the field below it. */
    .form-grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
      gap: 0.75rem 1rem;
      align-items: start;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WaitlistPage {
  private readonly space = inject(SpaceService);
  private readonly startupsApi = inject(StartupsService);
  private readonly auth = inject(AuthService);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly reload$ = new Subject<void>();
  private readonly formDirective = viewChild(FormGroupDirective);

  protected readonly locale = inject(LocaleService).locale;
  protected readonly canManage = computed(() => this.auth.permissions().includes(Permission.SpaceManage));

  protected readonly entries = signal<WaitlistEntryResponse[] | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly accepting = signal<string | null>(null);
  protected readonly acceptError = signal<FormError | null>(null);
  protected readonly cancelling = signal<string | null>(null);

  protected readonly startupOptions = signal<SelectOption[]>([]);
  // The default price as a person types it in the UI's language (15,00 in French).
  protected readonly form = officeRequestForm(this.fb, { priceRequired: true, defaults: { price: centsToEuros(DEFAULT_PRICE_CENTS, this.locale()) } });
  protected readonly submitting = signal(false);
  protected readonly submitError = signal<FormError | null>(null);

  constructor() {
    merge(interval(WAITLIST_REFRESH_MS), this.reload$)
      .pipe(
        startWith(null),
        // A slow answer is dropped when the next reading starts.
        switchMap(() =>
          this.space.waitlist().pipe(
            catchError(() => {
              this.loadFailed.set(true);
              return EMPTY;
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((entries) => {
        this.loadFailed.set(false);
        this.entries.set(entries);
      });
    if (this.canManage()) {
      this.startupsApi
        .list({ limit: 100, offset: 0, sort: 'name' })
        .pipe(takeUntilDestroyed())
        .subscribe({
          next: (page) => this.startupOptions.set(page.items.map((s) => ({ value: s.id, label: s.legalName }))),
          error: () => this.startupOptions.set([]),
        });
    }
  }

  protected submit(): void {
    const form = this.form;
    if (form.invalid) {
      form.markAllAsTouched();
      return;
    }
    const { priceCents, ...value } = officeRequestValue(form);
    if (priceCents === null || this.submitting()) {
      return;
    }
    const request: CreateWaitlistRequest = { ...value, monthlyPricePerM2Cents: priceCents };
    this.submitting.set(true);
    this.submitError.set(null);
    this.space.joinWaitlist(request).subscribe({
      next: () => {
        this.submitting.set(false);
        // resetForm, not reset: the directive forgets it was submitted, so the emptied fields show no error.
        const { programKind, price } = form.getRawValue();
        this.formDirective()?.resetForm({ startupId: '', areaM2: '', startsOn: today(), lastDay: '', programKind, price });
        this.reload$.next();
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        this.submitError.set(formError(form, error, { monthlyPricePerM2Cents: 'price', endsOn: 'lastDay' }));
      },
    });
  }

  /** Why the row is where it is, in words: what it waits for, what was offered, why it ended. */
  protected reason(entry: WaitlistEntryResponse): string {
    const t = (key: string, params?: Record<string, unknown>) => this.transloco.translate(`space.waitlist.reasons.${key}`, params);
    const from = formatDay(entry.startsOn, this.locale());
    switch (entry.status) {
      case 'waiting':
        return t(entry.siteId ? 'waitingSite' : 'waiting', { m2: entry.areaM2, from, position: entry.position ?? '—' });
      case 'offered':
        return t('offered', { count: entry.offer?.moduleIds.length ?? 0 });
      case 'accepted':
        return t('accepted');
      case 'lapsed':
        return t('lapsed');
      default:
        return t('cancelled');
    }
  }

  /** The allocate panel of the space page, filled with the request, proposing offices at once. */
  protected offerParams(entry: WaitlistEntryResponse): Record<string, string> {
    return {
      startupId: entry.startupId,
      areaM2: String(entry.areaM2),
      startsOn: entry.startsOn,
      ...(entry.endsOn ? { lastDay: addDays(entry.endsOn, -1) } : {}),
      programKind: entry.programKind,
      ...(entry.siteId ? { siteId: entry.siteId } : {}),
      waitlistId: entry.id,
    };
  }

  protected cancel(entry: WaitlistEntryResponse): void {
    if (this.cancelling() !== null) {
      return;
    }
    this.cancelling.set(entry.id);
    this.acceptError.set(null);
    this.space.cancelWaitlist(entry.id).subscribe({
      next: () => {
        this.cancelling.set(null);
        this.reload$.next();
      },
      error: (error: unknown) => {
        this.cancelling.set(null);
        this.acceptError.set(genericError(error));
        this.reload$.next();
      },
    });
  }

  protected exportCsv(): void {
    const t = (key: string) => this.transloco.translate(key);
    const locale = this.locale();
    const header = ['position', 'startup', 'm2', 'from', 'kind', 'status', 'reason'].map((c) => t(`space.waitlist.csv.${c}`));
    const rows = (this.entries() ?? []).map((e) => [
      e.position === null ? '' : String(e.position),
      e.startupName,
      String(e.areaM2),
      e.startsOn,
      t(`pipeline.kinds.${e.programKind}`),
      t(`space.waitlist.statuses.${e.status}`),
      this.reason(e),
    ]);
    saveCsv(this.document, localeCsv([header, ...rows], locale), `${t('space.waitlist.csv.fileName')}-${today()}.csv`);
  }

  protected accept(offerId: string): void {
    if (this.accepting() !== null) {
      return;
    }
    this.accepting.set(offerId);
    this.acceptError.set(null);
    this.space.acceptOffer(offerId).subscribe({
      next: () => {
        this.accepting.set(null);
        this.reload$.next();
      },
      error: (error: unknown) => {
        this.accepting.set(null);
        this.acceptError.set(acceptFailure(error));
        // The offer may have lapsed or been taken: show the list as it is now.
        this.reload$.next();
      },
    });
  }
}

function formatDay(day: string, locale: Locale): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, date));
}

/** The API's message when it gave one; otherwise what a 409 or a 410 means here. */
export function acceptFailure(error: unknown): FormError {
  const message = genericError(error);
  if (message.text !== undefined) {
    return message;
  }
  switch (httpStatus(error)) {
    case 409:
      return { key: 'space.waitlist.taken' };
    case 410:
      return { key: 'space.waitlist.lapsed' };
    default:
      return message;
  }
}
