import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { NavSection, SectionNavComponent } from '../../core/ui/section-nav.component';

/** The administration area: its sections, then the page. */
@Component({
  selector: 'app-admin-layout',
  imports: [RouterOutlet, SectionNavComponent],
  template: `
    <app-section-nav label="admin.nav.label" [sections]="sections" />
    <router-outlet />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminLayoutComponent {
  protected readonly sections: NavSection[] = [
    { label: 'admin.nav.members', link: '/admin', exact: true, testId: 'admin-nav-members' },
    { label: 'admin.nav.schedules', link: '/admin/schedules', exact: false, testId: 'admin-nav-schedules' },
    { label: 'admin.nav.targets', link: '/admin/targets', exact: false, testId: 'admin-nav-targets' },
    { label: 'admin.nav.securityEvents', link: '/admin/security-events', exact: false, testId: 'admin-nav-security-events' },
    { label: 'orgSettings.nav', link: '/admin/settings', exact: false, testId: 'admin-nav-settings' },
    { label: 'billing.settings.nav', link: '/admin/billing', exact: false, testId: 'admin-nav-billing' },
  ];
}
