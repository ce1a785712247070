import { Routes } from '@angular/router';
import { areaNotFoundRoute } from '../not-found/not-found.route';
import { StartupLayoutComponent } from './startup-layout.component';
import { StartupPage } from './startup.page';

export const startupRoutes: Routes = [
  {
    path: '',
    component: StartupLayoutComponent,
    children: [
      { path: '', title: 'areas.startup.title', component: StartupPage },
      {
        path: 'kpis',
        title: 'kpis.report.title',
        loadComponent: () => import('./kpis/kpi-report.page').then((m) => m.KpiReportPage),
      },
      {
        path: 'funding',
        title: 'funding.title',
        loadComponent: () => import('./funding/funding.page').then((m) => m.FundingPage),
      },
      {
        path: 'billing',
        title: 'billing.portal.title',
        loadComponent: () => import('./billing/my-invoices.page').then((m) => m.MyInvoicesPage),
      },
      areaNotFoundRoute('startup'),
    ],
  },
];
