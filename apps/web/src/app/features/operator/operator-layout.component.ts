import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { NavSection, SectionNavComponent } from '../../core/ui/section-nav.component';

/** The platform operator's area: what runs for every organisation (queues, heartbeats), then the page. */
@Component({
  selector: 'app-operator-layout',
  imports: [RouterOutlet, SectionNavComponent],
  template: `
    <app-section-nav label="operator.nav.label" [sections]="sections" />
    <router-outlet />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OperatorLayoutComponent {
  protected readonly sections: NavSection[] = [
    { label: 'operator.nav.queues', link: '/operator', exact: true, testId: 'operator-nav-queues' },
    { label: 'operator.nav.heartbeats', link: '/operator/heartbeats', exact: false, testId: 'operator-nav-heartbeats' },
    { label: 'operatorOrgs.nav', link: '/operator/organisations', exact: false, testId: 'operator-nav-organisations' },
  ];
}
