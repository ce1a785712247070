import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, InjectionToken, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { BillingRun } from '@incubator/contracts';
import { Subscription, exhaustMap, timer } from 'rxjs';
import { billingLabels, formatCents, formatMonth } from '../../../core/billing/billing-format';
import { BillingService } from '../../../core/billing/billing.service';
import { FormError, genericError } from '../../../core/forms/api-error';
import { LocaleService } from '../../../core/i18n/locale.service';
import { today } from '../../../core/space/today';
import { MonthFieldComponent } from '../../../core/ui/form-field/month-field.component';
import { canIssueRun, isRunBusy, mergeRun, runPercent } from './run-state';

/** How often a busy run is asked for again (a test makes it short). */
export const BILLING_RUN_POLL_MS = new InjectionToken<number>('BILLING_RUN_POLL_MS', { factory: () => 2000 });

/**
 * The monthly billing runs: start one for a month (drafts for every billable lease and pending
 * charge, made by the worker — the page follows its progress), then issue its drafts.
 */
@Component({
  selector: 'app-billing-runs-page',
  imports: [MatButtonModule, MatProgressBarModule, MonthFieldComponent, ReactiveFormsModule, RouterLink, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <section class="card">
        <h2>{{ t('billing.runs.create') }}</h2>
        <p class="muted">{{ t('billing.runs.intro') }}</p>
        <form class="actions" [formGroup]="form" (ngSubmit)="create()" novalidate>
          <app-month-field
            class="month"
            [control]="month"
            [label]="t('billing.runs.month')"
            [placeholder]="t('billing.runs.monthPattern')"
            [invalidText]="t('billing.runs.monthInvalid')"
            testId="billing-run-month"
          />
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="billing-run-create">{{ t('billing.runs.start') }}</button>
        </form>
        @if (error(); as error) {
          <p class="form-error" role="alert" data-testid="billing-run-error">{{ error.key ? t(error.key) : error.text }}</p>
        }
      </section>

      @if (runs(); as runs) {
        <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="t('billing.runs.title')">
          <table class="data" data-testid="billing-runs">
            <thead>
              <tr>
                <th scope="col">{{ t('billing.runs.month') }}</th>
                <th scope="col">{{ t('billing.runs.status') }}</th>
                <th scope="col" class="num">{{ t('billing.runs.invoices') }}</th>
                <th scope="col" class="num">{{ t('billing.totals.exclVat') }}</th>
                <th scope="col" class="num">{{ t('billing.totals.inclVat') }}</th>
                <th scope="col"><span class="visually-hidden">{{ t('billing.actions') }}</span></th>
              </tr>
            </thead>
            <tbody>
              @for (run of runs; track run.id) {
                <tr [attr.data-testid]="'billing-run-' + run.month">
                  <th scope="row">{{ monthLabel(run.month) }}</th>
                  <td>
                    <span class="badge" [attr.data-status]="run.status" data-testid="billing-run-status">{{ t(labels.runStatus(run.status)) }}</span>
                    @if (isBusy(run)) {
                      <mat-progress-bar
                        [mode]="run.total ? 'determinate' : 'indeterminate'"
                        [value]="percent(run)"
                        [attr.aria-label]="t('billing.runs.progress', { progress: run.progress, total: run.total })"
                      />
                      <span class="muted">{{ t('billing.runs.progress', { progress: run.progress, total: run.total }) }}</span>
                    }
                    @if (run.error) {
                      <p class="form-error">{{ run.error }}</p>
                    }
                  </td>
                  <td class="num">{{ t('billing.runs.counts', { drafts: run.draftCount, issued: run.issuedCount }) }}</td>
                  <td class="num">{{ money(run.totalExclVatCents) }}</td>
                  <td class="num">{{ money(run.totalInclVatCents) }}</td>
                  <td class="nowrap">
                    <a mat-button [routerLink]="['/manage/billing/invoices']" [queryParams]="{ month: run.month }">{{ t('billing.runs.review') }}</a>
                    @if (canIssue(run)) {
                      <button mat-flat-button type="button" (click)="issue(run)" [disabled]="issuing() === run.id" data-testid="billing-run-issue">
                        {{ t('billing.runs.issue') }}
                      </button>
                    }
                  </td>
                </tr>
              } @empty {
                <tr><td colspan="6" class="muted" data-testid="billing-runs-empty">{{ t('billing.runs.empty') }}</td></tr>
              }
            </tbody>
          </table>
        </div>
      } @else if (loadFailed()) {
        <p class="form-error" role="alert">{{ t('billing.loadError') }}</p>
      } @else {
        <p class="muted" aria-busy="true">{{ t('pipeline.loading') }}</p>
      }
    </ng-container>
  `,
  styleUrl: './billing.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BillingRunsPage {
  private readonly billing = inject(BillingService);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly labels = billingLabels;

  protected readonly month = new FormControl(today().slice(0, 7), { nonNullable: true, validators: Validators.pattern(/^\d{4}-\d{2}$/) });
  protected readonly form = new FormGroup({ month: this.month });
  protected readonly runs = signal<BillingRun[] | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly busy = signal(false);
  protected readonly issuing = signal<string | null>(null);
  protected readonly error = signal<FormError | null>(null);
  private readonly anyBusy = computed(() => (this.runs() ?? []).some(isRunBusy));
  private readonly pollInterval = inject(BILLING_RUN_POLL_MS);
  private polling: Subscription | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.polling?.unsubscribe());
    this.billing.runs().subscribe({
      next: (runs) => this.setRuns(runs),
      error: () => this.loadFailed.set(true),
    });
  }

  protected money(cents: number): string {
    return formatCents(cents, this.locale());
  }

  protected monthLabel(month: string): string {
    return formatMonth(month, this.locale());
  }

  protected isBusy = isRunBusy;
  protected canIssue = canIssueRun;
  protected percent = runPercent;

  protected create(): void {
    if (this.month.invalid || this.busy()) {
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.billing.createRun(this.month.value).subscribe({
      next: (run) => {
        this.busy.set(false);
        this.update(run);
      },
      error: (failure: unknown) => {
        this.busy.set(false);
        this.error.set(genericError(failure));
      },
    });
  }

  protected issue(run: BillingRun): void {
    this.issuing.set(run.id);
    this.error.set(null);
    this.billing.issueRun(run.id).subscribe({
      next: (changed) => {
        this.issuing.set(null);
        this.update(changed);
      },
      error: (failure: unknown) => {
        this.issuing.set(null);
        this.error.set(genericError(failure));
      },
    });
  }

  private update(run: BillingRun): void {
    this.setRuns(mergeRun(this.runs() ?? [], run));
  }

  private setRuns(runs: BillingRun[]): void {
    this.loadFailed.set(false);
    this.runs.set([...runs].sort((a, b) => b.month.localeCompare(a.month)));
    this.follow();
  }

  /** While a run is drafting or issuing, asks for the runs again every two seconds, one request at a time. */
  private follow(): void {
    if (!this.anyBusy()) {
      this.polling?.unsubscribe();
      this.polling = null;
      return;
    }
    if (this.polling) {
      return;
    }
    this.polling = timer(this.pollInterval, this.pollInterval)
      .pipe(exhaustMap(() => this.billing.runs()))
      .subscribe({
        next: (runs) => {
          this.runs.set([...runs].sort((a, b) => b.month.localeCompare(a.month)));
          if (!this.anyBusy()) {
            this.polling?.unsubscribe();
            this.polling = null;
          }
        },
        error: () => {
          this.polling = null;
        },
      });
  }
}
