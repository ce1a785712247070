import { MatPaginatorIntl } from '@angular/material/paginator';
import { Routes } from '@angular/router';
import { TranslatedPaginatorIntl } from '../../core/i18n/translated-paginator-intl';
import { AdminPage } from './admin.page';

export const adminRoutes: Routes = [
  {
    path: '',
    title: 'areas.admin.title',
    component: AdminPage,
    providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  },
];
