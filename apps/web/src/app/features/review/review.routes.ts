import { Routes } from '@angular/router';
import { areaNotFoundRoute } from '../not-found/not-found.route';

/** The reviewers' area: the applications assigned to them, and the scoring of one. */
export const reviewRoutes: Routes = [
  {
    path: '',
    title: 'applications.review.title',
    loadComponent: () => import('./reviews.page').then((m) => m.ReviewsPage),
  },
  {
    path: ':applicationId',
    title: 'applications.review.scoreTitle',
    loadComponent: () => import('./review.page').then((m) => m.ReviewPage),
  },
  areaNotFoundRoute('review'),
];
