import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';

interface BillingTab {
  label: string;
  link: string;
  exact: boolean;
  testId: string;
}

/** The manager's billing: runs, invoices, payments, customers, charges and exports, one tab each. */
@Component({
  selector: 'app-billing-layout',
  imports: [MatTabsModule, RouterLink, RouterLinkActive, RouterOutlet, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('billing.title') }}</h1>
      <nav mat-tab-nav-bar [tabPanel]="panel" [attr.aria-label]="t('billing.title')">
        @for (tab of tabs; track tab.link) {
          <a
            mat-tab-link
            [routerLink]="tab.link"
            routerLinkActive
            #active="routerLinkActive"
            [routerLinkActiveOptions]="{ exact: tab.exact }"
            [active]="active.isActive"
            [attr.data-testid]="tab.testId"
            >{{ t(tab.label) }}</a
          >
        }
      </nav>
      <mat-tab-nav-panel #panel class="panel"><router-outlet /></mat-tab-nav-panel>
    </ng-container>
  `,
  styles: `
    :host {
      display: block;
    }
    .panel {
      display: block;
      padding-top: 1rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BillingLayoutComponent {
  protected readonly tabs: BillingTab[] = [
    { label: 'billing.nav.runs', link: '/manage/billing', exact: true, testId: 'billing-tab-runs' },
    { label: 'billing.nav.invoices', link: '/manage/billing/invoices', exact: false, testId: 'billing-tab-invoices' },
    { label: 'billing.nav.payments', link: '/manage/billing/payments', exact: false, testId: 'billing-tab-payments' },
    { label: 'billing.nav.customers', link: '/manage/billing/customers', exact: false, testId: 'billing-tab-customers' },
    { label: 'billing.nav.charges', link: '/manage/billing/charges', exact: false, testId: 'billing-tab-charges' },
    { label: 'billing.nav.exports', link: '/manage/billing/exports', exact: false, testId: 'billing-tab-exports' },
  ];
}
