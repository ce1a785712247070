import { Routes } from '@angular/router';
import { areaNotFoundRoute } from '../not-found/not-found.route';
import type { CohortBoardRouteData } from '../pipeline/cohort-board/cohort-board.page';
import { BoardPage } from './board.page';

export const boardRoutes: Routes = [
  { path: '', title: 'areas.board.title', component: BoardPage },
  {
    path: 'cohorts/:id',
    title: 'cohortBoard.title',
    // The board reads: no link to a startup's page, no control that changes anything.
    data: { readOnly: true, backLink: '/board' } satisfies CohortBoardRouteData,
    loadComponent: () => import('../pipeline/cohort-board/cohort-board.page').then((m) => m.CohortBoardPage),
  },
  areaNotFoundRoute('board'),
];
