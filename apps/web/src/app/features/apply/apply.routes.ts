import { Routes } from '@angular/router';

/** The public pages of a call for applications: no account, the draft is reached with a magic link. */
export const applyRoutes: Routes = [
  {
    path: 'resume',
    title: 'applications.resume.title',
    loadComponent: () => import('./apply-resume.page').then((m) => m.ApplyResumePage),
  },
  {
    path: 'draft',
    title: 'applications.draft.title',
    loadComponent: () => import('./draft.page').then((m) => m.DraftPage),
  },
  {
    path: ':organisationSlug/:callSlug',
    title: 'applications.apply.title',
    loadComponent: () => import('./apply.page').then((m) => m.ApplyPage),
  },
];
