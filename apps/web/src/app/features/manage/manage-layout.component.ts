import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { NavSection, SectionNavComponent } from '../../core/ui/section-nav.component';

/** The park management area: its sections, then the page. */
@Component({
  selector: 'app-manage-layout',
  imports: [RouterOutlet, SectionNavComponent],
  template: `
    <app-section-nav label="manage.nav.label" [sections]="sections" />
    <router-outlet />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ManageLayoutComponent {
  protected readonly sections: NavSection[] = [
    { label: 'manage.nav.overview', link: '/manage', exact: true, testId: 'manage-nav-overview' },
    { label: 'manage.nav.programs', link: '/manage/programs', exact: false, testId: 'manage-nav-programs' },
    { label: 'manage.nav.startups', link: '/manage/startups', exact: false, testId: 'manage-nav-startups' },
    { label: 'applications.nav.calls', link: '/manage/calls', exact: false, testId: 'manage-nav-calls' },
    { label: 'manage.nav.space', link: '/manage/space', exact: false, testId: 'manage-nav-space' },
    { label: 'billing.nav.label', link: '/manage/billing', exact: false, testId: 'manage-nav-billing' },
    { label: 'manage.nav.kpis', link: '/manage/kpis', exact: false, testId: 'nav-kpis' },
    { label: 'manage.nav.reports', link: '/manage/reports', exact: false, testId: 'nav-reports' },
  ];
}
