import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { translocoTesting } from '../../../testing/transloco-testing';
import { AreaNav } from './area-nav';
import { NavSection, SectionNavComponent } from './section-nav.component';

const PROFILE: NavSection = { label: 'portal.nav.profile', link: '/startup', exact: true, testId: 'nav-profile' };
const KPIS: NavSection = { label: 'portal.nav.kpis', link: '/startup/kpis', exact: false, testId: 'nav-kpis' };

@Component({
  imports: [SectionNavComponent],
  template: `@if (shown()) {
    <app-section-nav label="portal.nav.label" [sections]="sections()" />
  }`,
})
class HostComponent {
  readonly shown = signal(true);
  readonly sections = signal<NavSection[]>([PROFILE]);
}

describe('SectionNavComponent', () => {
  it('gives its sections to the shell’s phone drawer while it is on screen', async () => {
    TestBed.configureTestingModule({
      imports: [translocoTesting({ translocoConfig: { defaultLang: 'en' } })],
      providers: [provideRouter([])],
    });
    const areaNav = TestBed.inject(AreaNav);
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    expect(areaNav.sections()).toEqual({ label: 'portal.nav.label', sections: [PROFILE] });

    fixture.componentInstance.sections.set([PROFILE, KPIS]);
    await fixture.whenStable();
    expect(areaNav.sections()?.sections).toEqual([PROFILE, KPIS]);

    fixture.componentInstance.shown.set(false);
    await fixture.whenStable();
    expect(areaNav.sections()).toBeNull();
  });

  it('does not clear the sections another area has published since', () => {
    const areaNav = new AreaNav();
    const manage = { label: 'manage.nav.label', sections: [] };
    const board = { label: 'board.nav.label', sections: [] };
    areaNav.show(manage);
    areaNav.show(board);
    areaNav.hide(manage);
    expect(areaNav.sections()).toBe(board);
  });
});
