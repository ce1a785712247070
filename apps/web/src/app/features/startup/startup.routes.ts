import { Routes } from '@angular/router';
import { StartupPage } from './startup.page';

export const startupRoutes: Routes = [{ path: '', title: 'areas.startup.title', component: StartupPage }];
