import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatTableModule } from '@angular/material/table';
import { TranslocoDirective } from '@jsverse/transloco';
import { PageResponse, SecurityEventResponse } from '@incubator/contracts';
import { LocaleService } from '../../../core/i18n/locale.service';
import { LocalDatePipe } from '../../../core/i18n/local-date.pipe';

/** The organisation's security log for its admins: who signed in, failed, changed roles, exported what. */
@Component({
  selector: 'app-security-events-page',
  imports: [LocalDatePipe, MatPaginatorModule, MatTableModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; read: 'admin.securityEvents'">
      <h1>{{ t('title') }}</h1>
      <p>{{ t('intro') }}</p>
      @if (failed()) {
        <p class="form-error" role="alert">{{ t('loadError') }}</p>
      } @else if (page(); as page) {
        @if (page.items.length === 0) {
          <p data-testid="security-events-empty">{{ t('empty') }}</p>
        } @else {
          <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="t('title')">
          <table mat-table [dataSource]="page.items" data-testid="security-events">
            <ng-container matColumnDef="occurredAt">
              <th mat-header-cell *matHeaderCellDef>{{ t('occurredAt') }}</th>
              <td mat-cell *matCellDef="let e" data-testid="event-date">{{ e.occurredAt | localDate: locale() }}</td>
            </ng-container>
            <ng-container matColumnDef="type">
              <th mat-header-cell *matHeaderCellDef>{{ t('type') }}</th>
              <td mat-cell *matCellDef="let e" data-testid="event-type">{{ t('types.' + typeKey(e.type)) }}</td>
            </ng-container>
            <ng-container matColumnDef="who">
              <th mat-header-cell *matHeaderCellDef>{{ t('who') }}</th>
              <td mat-cell *matCellDef="let e" data-testid="event-who">{{ e.user?.email ?? e.email ?? '—' }}</td>
            </ng-container>
            <ng-container matColumnDef="ip">
              <th mat-header-cell *matHeaderCellDef>{{ t('ip') }}</th>
              <td mat-cell *matCellDef="let e">{{ e.ip ?? '—' }}</td>
            </ng-container>
            <ng-container matColumnDef="detail">
              <th mat-header-cell *matHeaderCellDef>{{ t('detail') }}</th>
              <td mat-cell *matCellDef="let e" data-testid="event-detail"><code>{{ describe(e) }}</code></td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let row; columns: columns" data-testid="security-event"></tr>
          </table>
          </div>
        }
        <mat-paginator [length]="page.total" [pageSize]="page.limit" [pageIndex]="page.offset / page.limit" [pageSizeOptions]="[20, 50, 100]" (page)="load($event)" />
      } @else {
        <p aria-busy="true">…</p>
      }
    </ng-container>
  `,
  // Wide rows scroll inside their box on a phone, never the page.
  styles: `
    .table-scroll {
      overflow-x: auto;
    }
    td code {
      white-space: normal;
      word-break: break-word;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SecurityEventsPage {
  protected readonly locale = inject(LocaleService).locale;
  protected readonly page = signal<PageResponse<SecurityEventResponse> | null>(null);
  protected readonly failed = signal(false);
  protected readonly columns = ['occurredAt', 'type', 'who', 'ip', 'detail'];
  private readonly http = inject(HttpClient);
  private readonly destroyRef = inject(DestroyRef);

  constructor() {
    this.load({ pageIndex: 0, pageSize: 20, length: 0 });
  }

  protected load(event: PageEvent): void {
    this.http
      .get<PageResponse<SecurityEventResponse>>('/api/security-events', { params: { limit: event.pageSize, offset: event.pageIndex * event.pageSize } })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (page) => this.page.set(page), error: () => this.failed.set(true) });
  }

  /** `member.role-changed` → `member_role_changed`: Transloco reads dots as nesting. */
  protected typeKey(type: string): string {
    return type.replace(/[.-]/g, '_');
  }

  /** The detail as compact `key: value` pairs (what an investigation reads first). */
  protected describe(event: SecurityEventResponse): string {
    return Object.entries(event.detail ?? {})
      .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
      .join(' · ');
  }
}
