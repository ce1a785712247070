import { Routes } from '@angular/router';
import { ManagePage } from './manage.page';

export const manageRoutes: Routes = [{ path: '', title: 'areas.manage.title', component: ManagePage }];
