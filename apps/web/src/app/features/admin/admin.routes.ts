import { MatPaginatorIntl } from '@angular/material/paginator';
import { Routes } from '@angular/router';
import { TranslatedPaginatorIntl } from '../../core/i18n/translated-paginator-intl';
import { areaNotFoundRoute } from '../not-found/not-found.route';
import { AdminLayoutComponent } from './admin-layout.component';
import { AdminPage } from './admin.page';

export const adminRoutes: Routes = [
  {
    path: '',
    component: AdminLayoutComponent,
    children: [
      {
        path: '',
        title: 'areas.admin.title',
        component: AdminPage,
        providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
      },
      {
        path: 'schedules',
        title: 'reports.schedules.title',
        loadComponent: () => import('./schedules/schedules.page').then((m) => m.SchedulesPage),
      },
      {
        path: 'targets',
        title: 'reports.targets.title',
        loadComponent: () => import('./targets/targets.page').then((m) => m.TargetsPage),
      },
      {
        path: 'security-events',
        title: 'admin.securityEvents.title',
        loadComponent: () => import('./security-events/security-events.page').then((m) => m.SecurityEventsPage),
        providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
      },
      {
        path: 'settings',
        title: 'orgSettings.title',
        loadComponent: () => import('./settings/organisation-settings.page').then((m) => m.OrganisationSettingsPage),
      },
      {
        path: 'billing',
        title: 'billing.settings.title',
        loadComponent: () => import('./billing/billing-settings.page').then((m) => m.BillingSettingsPage),
      },
      areaNotFoundRoute('admin'),
    ],
  },
];
