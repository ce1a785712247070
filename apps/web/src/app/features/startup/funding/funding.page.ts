import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import { FundingRoundResponse, Permission } from '@incubator/contracts';
import { AuthService } from '../../../core/auth/auth.service';
import { FundingService } from '../../../core/funding/funding.service';
import { LocaleService } from '../../../core/i18n/locale.service';
import { RoundDialogComponent, RoundDialogData } from '../../funding/round-dialog.component';
import { RoundListComponent } from '../../funding/round-list.component';
import { PortalState, PortalStateComponent } from '../portal-state.component';

/** The rounds a startup has raised (or plans to): they feed its KPI reports and the park's figures. */
@Component({
  selector: 'app-funding-page',
  imports: [MatButtonModule, PortalStateComponent, RoundListComponent, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <div class="page-header">
        <h1>{{ t('funding.title') }}</h1>
        @if (state() === 'loaded' && canWrite()) {
          <button mat-flat-button type="button" (click)="open()" data-testid="round-new">{{ t('funding.new') }}</button>
        }
      </div>
      <p>{{ t('funding.intro') }}</p>
      <app-portal-state [state]="state()" />
      @if (state() === 'loaded') {
        <app-round-list [rounds]="rounds()" [locale]="locale()" [canEdit]="canWrite()" (edit)="open($event)" />
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
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FundingPage {
  private readonly auth = inject(AuthService);
  private readonly funding = inject(FundingService);
  private readonly dialog = inject(MatDialog);

  protected readonly locale = inject(LocaleService).locale;
  private readonly startupId = this.auth.user()?.startupId ?? null;
  protected readonly state = signal<PortalState>(this.startupId ? 'loading' : 'noStartup');
  protected readonly rounds = signal<FundingRoundResponse[]>([]);
  protected readonly canWrite = computed(() => this.auth.permissions().includes(Permission.FundingWrite));

  constructor() {
    if (!this.startupId) {
      return;
    }
    this.funding
      .rounds({ startupId: this.startupId, limit: 100, offset: 0 })
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (page) => {
          this.rounds.set(page.items);
          this.state.set('loaded');
        },
        error: () => this.state.set('failed'),
      });
  }

  protected open(round?: FundingRoundResponse): void {
    const startupId = this.startupId;
    if (!startupId) {
      return;
    }
    this.dialog
      .open<RoundDialogComponent, RoundDialogData, FundingRoundResponse>(RoundDialogComponent, {
        data: { startupId, round },
        width: '48rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (saved) {
          this.rounds.update((list) =>
            round ? list.map((r) => (r.id === saved.id ? saved : r)) : [saved, ...list],
          );
        }
      });
  }
}
