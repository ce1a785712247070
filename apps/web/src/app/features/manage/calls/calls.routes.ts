import { Routes } from '@angular/router';

/** Calls for applications: the list, a call's form, its pipeline and one application. */
export const callsRoutes: Routes = [
  { path: '', title: 'applications.calls.title', loadComponent: () => import('./calls.page').then((m) => m.CallsPage) },
  {
    path: 'new',
    title: 'applications.edit.newTitle',
    loadComponent: () => import('./call-edit.page').then((m) => m.CallEditPage),
  },
  {
    path: ':callId/edit',
    title: 'applications.edit.editTitle',
    loadComponent: () => import('./call-edit.page').then((m) => m.CallEditPage),
  },
  {
    path: ':callId/applications/:applicationId',
    title: 'applications.detail.title',
    loadComponent: () => import('./application-detail.page').then((m) => m.ApplicationDetailPage),
  },
  {
    path: ':callId',
    title: 'applications.pipeline.title',
    loadComponent: () => import('./call-pipeline.page').then((m) => m.CallPipelinePage),
  },
];
