import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { NavSection, SectionNavComponent } from '../../core/ui/section-nav.component';

/** A startup member's area: its sections, then the page. */
@Component({
  selector: 'app-startup-layout',
  imports: [RouterOutlet, SectionNavComponent],
  template: `
    <app-section-nav label="portal.nav.label" [sections]="sections" />
    <router-outlet />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StartupLayoutComponent {
  protected readonly sections: NavSection[] = [
    { label: 'portal.nav.profile', link: '/startup', exact: true, testId: 'nav-profile' },
    { label: 'portal.nav.kpis', link: '/startup/kpis', exact: false, testId: 'nav-kpis' },
    { label: 'portal.nav.funding', link: '/startup/funding', exact: false, testId: 'nav-funding' },
    { label: 'billing.portal.nav', link: '/startup/billing', exact: false, testId: 'nav-billing' },
  ];
}
