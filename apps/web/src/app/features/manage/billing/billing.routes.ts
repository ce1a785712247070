import { MatPaginatorIntl } from '@angular/material/paginator';
import { Routes } from '@angular/router';
import { TranslatedPaginatorIntl } from '../../../core/i18n/translated-paginator-intl';
import { BillingLayoutComponent } from './billing-layout.component';

/** /manage/billing/… — loaded with the first billing page opened. */
export const billingRoutes: Routes = [
  {
    path: '',
    component: BillingLayoutComponent,
    children: [
      { path: '', title: 'billing.runs.title', loadComponent: () => import('./runs.page').then((m) => m.BillingRunsPage) },
      {
        path: 'invoices',
        title: 'billing.invoices.title',
        providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
        loadComponent: () => import('./invoices.page').then((m) => m.InvoicesPage),
      },
      {
        path: 'invoices/:id',
        title: 'billing.invoice.title',
        loadComponent: () => import('./invoice-detail.page').then((m) => m.InvoiceDetailPage),
      },
      { path: 'payments', title: 'billing.payments.title', loadComponent: () => import('./payments.page').then((m) => m.PaymentsPage) },
      { path: 'customers', title: 'billing.customers.title', loadComponent: () => import('./customers.page').then((m) => m.CustomersPage) },
      { path: 'charges', title: 'billing.charges.title', loadComponent: () => import('./charges.page').then((m) => m.ChargesPage) },
      { path: 'exports', title: 'billing.exports.title', loadComponent: () => import('./exports.page').then((m) => m.ExportsPage) },
    ],
  },
];
