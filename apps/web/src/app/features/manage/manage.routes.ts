import { MatPaginatorIntl } from '@angular/material/paginator';
import { Routes } from '@angular/router';
import { TranslatedPaginatorIntl } from '../../core/i18n/translated-paginator-intl';
import { areaNotFoundRoute } from '../not-found/not-found.route';
import type { CohortBoardRouteData } from '../pipeline/cohort-board/cohort-board.page';
import { ManageLayoutComponent } from './manage-layout.component';
import { ManagePage } from './manage.page';

export const manageRoutes: Routes = [
  {
    path: '',
    component: ManageLayoutComponent,
    children: [
      { path: '', title: 'areas.manage.title', component: ManagePage },
      {
        path: 'programs',
        title: 'manage.programs.title',
        loadComponent: () => import('./programs/programs.page').then((m) => m.ProgramsPage),
      },
      {
        path: 'startups',
        title: 'manage.startups.title',
        providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
        loadComponent: () => import('./startups/startups.page').then((m) => m.StartupsPage),
      },
      {
        path: 'startups/:id',
        title: 'manage.startup.title',
        loadComponent: () => import('./startup-detail/startup-detail.page').then((m) => m.StartupDetailPage),
      },
      {
        path: 'space',
        title: 'space.title',
        loadComponent: () => import('./space/space.page').then((m) => m.SpacePage),
      },
      {
        path: 'space/occupancy',
        title: 'space.occupancy.title',
        loadComponent: () => import('./space/occupancy.page').then((m) => m.OccupancyPage),
      },
      {
        path: 'space/prices',
        title: 'prices.title',
        loadComponent: () => import('./space/prices/prices.page').then((m) => m.PricesPage),
      },
      { path: 'space/setup', title: 'spaceSetup.title', loadComponent: () => import('./space/setup/space-setup.page').then((m) => m.SpaceSetupPage) },
      {
        path: 'space/waitlist',
        title: 'space.waitlist.title',
        loadComponent: () => import('./space/waitlist.page').then((m) => m.WaitlistPage),
      },
      {
        path: 'billing',
        loadChildren: () => import('./billing/billing.routes').then((m) => m.billingRoutes),
      },
      {
        path: 'calls',
        loadChildren: () => import('./calls/calls.routes').then((m) => m.callsRoutes),
      },
      {
        path: 'kpis',
        title: 'kpis.manage.title',
        loadComponent: () => import('./kpis/kpis.page').then((m) => m.KpisPage),
      },
      {
        path: 'reports',
        title: 'reports.manage.title',
        loadComponent: () => import('./reports/reports.page').then((m) => m.ReportsPage),
      },
      {
        path: 'cohorts/:id',
        title: 'cohortBoard.title',
        data: { readOnly: false, backLink: '/manage/programs' } satisfies CohortBoardRouteData,
        loadComponent: () => import('../pipeline/cohort-board/cohort-board.page').then((m) => m.CohortBoardPage),
      },
      areaNotFoundRoute('manage'),
    ],
  },
];
