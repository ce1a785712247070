import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import {
  CreateWaitlistRequest,
  Permission,
  PROGRAM_KINDS,
  ProgramKind,
  WaitlistEntryResponse,
} from '@incubator/contracts';
import { catchError, EMPTY, interval, merge, startWith, Subject, switchMap } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { FormError, formError, genericError, httpStatus } from '../../../core/forms/api-error';
import { wholeNumber } from '../../../core/forms/form-validation';
import { SelectFieldComponent, SelectOption } from '../../../core/forms/select-field.component';
import { CalendarDatePipe } from '../../../core/i18n/calendar-date.pipe';
import { LocalDatePipe } from '../../../core/i18n/local-date.pipe';
import { LocaleService } from '../../../core/i18n/locale.service';
import { addDays } from '../../../core/programs/cohort-dates';
import { StartupsService } from '../../../core/startups/startups.service';
import { centsToEuros, euroAmount, eurosToCents } from '../../../core/space/money';
import { SpaceService } from '../../../core/space/space.service';
import { today } from '../../../core/space/today';

/** Offers are made by a job on the server: the list is read again this often while the page is open. */
export const WAITLIST_REFRESH_MS = 10_000;

const DEFAULT_PRICE_CENTS = 1500;

/** Startups waiting for an office, the offers made to them, and queuing a new request. */
@Component({
  selector: 'app-waitlist-page',
  imports: [
    CalendarDatePipe,
    LocalDatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    RouterLink,
    SelectFieldComponent,
    TranslocoDirective,
  ],
  template: `
    <ng-container *transloco="let t">
      <div class="page-header">
        <h1>{{ t('space.waitlist.title') }}</h1>
        <a mat-button routerLink="/manage/space">{{ t('space.occupancy.back') }}</a>
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
                <th scope="col">{{ t('space.waitlist.offer') }}</th>
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
                </tr>
              } @empty {
                <tr><td colspan="8">{{ t('space.waitlist.empty') }}</td></tr>
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
            <app-select-field
              [control]="form.controls.startupId"
              [label]="t('space.allocate.startup')"
              [options]="startupOptions()"
              [placeholder]="t('startupForm.choose')"
              testId="waitlist-startup"
            />
            <mat-form-field appearance="outline">
              <mat-label>{{ t('space.allocate.area') }}</mat-label>
              <input matInput inputmode="numeric" formControlName="areaM2" data-testid="waitlist-area" />
              <mat-hint>{{ t('space.allocate.areaHint') }}</mat-hint>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ t('space.allocate.start') }}</mat-label>
              <input matInput type="date" formControlName="startsOn" data-testid="waitlist-start" />
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ t('space.allocate.end') }}</mat-label>
              <input matInput type="date" formControlName="lastDay" data-testid="waitlist-end" />
              <mat-hint>{{ t('space.allocate.endHint') }}</mat-hint>
            </mat-form-field>
            <app-select-field
              [control]="form.controls.programKind"
              [label]="t('space.allocate.kind')"
              [options]="kinds"
              labelKey="pipeline.kinds."
              testId="waitlist-kind"
            />
            <mat-form-field appearance="outline">
              <mat-label>{{ t('space.allocate.price') }}</mat-label>
              <input matInput inputmode="decimal" formControlName="price" data-testid="waitlist-price" />
              <mat-hint>{{ t('space.allocate.priceHint') }}</mat-hint>
            </mat-form-field>
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
    .form-grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
      gap: 0 1rem;
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
  private readonly reload$ = new Subject<void>();

  protected readonly locale = inject(LocaleService).locale;
  protected readonly canManage = computed(() => this.auth.permissions().includes(Permission.SpaceManage));
  protected readonly kinds = PROGRAM_KINDS;

  protected readonly entries = signal<WaitlistEntryResponse[] | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly accepting = signal<string | null>(null);
  protected readonly acceptError = signal<FormError | null>(null);

  protected readonly startupOptions = signal<SelectOption[]>([]);
  protected readonly form = this.fb.group({
    startupId: ['', Validators.required],
    // Text with a numeric keyboard rather than type="number", as in the allocate panel.
    areaM2: ['', [Validators.required, Validators.min(1), wholeNumber]],
    startsOn: [today(), Validators.required],
    lastDay: [''],
    programKind: this.fb.control<string>('incubator', Validators.required),
    price: [centsToEuros(DEFAULT_PRICE_CENTS), [Validators.required, euroAmount]],
  });
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
    const value = form.getRawValue();
    const price = eurosToCents(value.price);
    if (price === null || this.submitting()) {
      return;
    }
    const request: CreateWaitlistRequest = {
      startupId: value.startupId,
      areaM2: Number(value.areaM2),
      startsOn: value.startsOn,
      programKind: value.programKind as ProgramKind,
      monthlyPricePerM2Cents: price,
    };
    if (value.lastDay) {
      request.endsOn = addDays(value.lastDay, 1);
    }
    this.submitting.set(true);
    this.submitError.set(null);
    this.space.joinWaitlist(request).subscribe({
      next: () => {
        this.submitting.set(false);
        form.reset();
        this.reload$.next();
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        this.submitError.set(formError(form, error, { monthlyPricePerM2Cents: 'price', endsOn: 'lastDay' }));
      },
    });
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
