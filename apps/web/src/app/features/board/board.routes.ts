import { Routes } from '@angular/router';
import { BoardPage } from './board.page';

export const boardRoutes: Routes = [{ path: '', title: 'areas.board.title', component: BoardPage }];
