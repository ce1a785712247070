import { Routes } from '@angular/router';
import { areaNotFoundRoute } from '../not-found/not-found.route';
import { OperatorLayoutComponent } from './operator-layout.component';

/** Where the platform operator lands after signing in: the global queues first. */
export const operatorRoutes: Routes = [
  {
    path: '',
    component: OperatorLayoutComponent,
    children: [
      {
        path: '',
        title: 'reports.queues.title',
        loadComponent: () => import('./queues/queues.page').then((m) => m.QueuesPage),
      },
      {
        path: 'heartbeats',
        title: 'operator.heartbeats.title',
        loadComponent: () => import('./heartbeats/heartbeats.page').then((m) => m.HeartbeatsPage),
      },
      {
        path: 'organisations',
        title: 'operatorOrgs.title',
        loadComponent: () => import('./organisations/operator-organisations.page').then((m) => m.OperatorOrganisationsPage),
      },
      areaNotFoundRoute('operator'),
    ],
  },
];
