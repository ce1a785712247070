import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import { BillingCustomer, BillingCustomerListItem } from '@incubator/contracts';
import { filter } from 'rxjs';
import { billingLabels } from '../../../core/billing/billing-format';
import { BillingService } from '../../../core/billing/billing.service';
import { CustomerDialogComponent } from './customer-dialog.component';

/** Each startup's billing profile: who is invoiced, where, and how they pay. */
@Component({
  selector: 'app-billing-customers-page',
  imports: [MatButtonModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      @if (items(); as items) {
        <div class="table-scroll" tabindex="0" role="region" [attr.aria-label]="t('billing.customers.title')">
          <table class="data" data-testid="customers-table">
            <thead>
              <tr>
                <th scope="col">{{ t('billing.customers.startup') }}</th>
                <th scope="col">{{ t('billing.customers.legalName') }}</th>
                <th scope="col">{{ t('billing.customers.siren') }}</th>
                <th scope="col">{{ t('billing.customers.paymentMethod') }}</th>
                <th scope="col">{{ t('billing.mandate.title') }}</th>
                <th scope="col"><span class="visually-hidden">{{ t('billing.actions') }}</span></th>
              </tr>
            </thead>
            <tbody>
              @for (item of items; track item.startupId) {
                <tr [attr.data-testid]="'customer-row-' + item.startupName">
                  <th scope="row">{{ item.startupName }}</th>
                  @if (item.customer; as customer) {
                    <td>{{ customer.legalName }}</td>
                    <td>{{ customer.siren ?? '—' }}</td>
                    <td>{{ t(labels.paymentMethod(customer.paymentMethod)) }}</td>
                    <td>{{ customer.mandate?.reference ?? '—' }}</td>
                  } @else {
                    <td colspan="4" class="muted">{{ t('billing.customers.noProfile') }}</td>
                  }
                  <td>
                    <button mat-button type="button" (click)="edit(item)" data-testid="customer-edit">
                      {{ t(item.customer ? 'billing.customers.editButton' : 'billing.customers.createButton') }}
                    </button>
                  </td>
                </tr>
              } @empty {
                <tr><td colspan="6" class="muted">{{ t('billing.customers.empty') }}</td></tr>
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
export class CustomersPage {
  private readonly billing = inject(BillingService);
  private readonly dialog = inject(MatDialog);
  protected readonly labels = billingLabels;
  protected readonly items = signal<BillingCustomerListItem[] | null>(null);
  protected readonly loadFailed = signal(false);

  constructor() {
    this.billing.customers().subscribe({ next: (items) => this.items.set(items), error: () => this.loadFailed.set(true) });
  }

  protected edit(item: BillingCustomerListItem): void {
    this.dialog
      .open<CustomerDialogComponent, BillingCustomerListItem, BillingCustomer>(CustomerDialogComponent, { data: item, width: '44rem', maxWidth: '95vw' })
      .afterClosed()
      .pipe(filter((saved): saved is BillingCustomer => !!saved))
      .subscribe((saved) =>
        this.items.update((all) => (all ?? []).map((i) => (i.startupId === saved.startupId ? { ...i, customer: saved } : i))),
      );
  }
}
