import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { AreaNav, AreaSections } from './area-nav';

export interface NavSection {
  /** Translation key of the link's text. */
  label: string;
  link: string;
  /** Active on this address only, not on the addresses below it. */
  exact: boolean;
  testId: string;
}

/** The links to the sections of an area, above its pages; on a phone they move into the shell's drawer. */
@Component({
  selector: 'app-section-nav',
  imports: [MatButtonModule, RouterLink, RouterLinkActive, TranslocoDirective],
  template: `
    <nav class="sections" *transloco="let t" [attr.aria-label]="t(label())">
      @for (section of sections(); track section.link) {
        <a
          mat-button
          [routerLink]="section.link"
          routerLinkActive="is-active"
          [routerLinkActiveOptions]="{ exact: section.exact }"
          ariaCurrentWhenActive="page"
          [attr.data-testid]="section.testId"
        >
          {{ t(section.label) }}
        </a>
      }
    </nav>
  `,
  styles: `
    :host {
      display: block;
    }
    .sections {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .is-active {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    /* The same breakpoint as the shell's compact top bar, whose drawer lists these sections. */
    @media (max-width: 600px) {
      :host {
        display: none;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SectionNavComponent {
  /** Translation key of the navigation's accessible name. */
  readonly label = input.required<string>();
  readonly sections = input.required<readonly NavSection[]>();

  constructor() {
    const areaNav = inject(AreaNav);
    let shown: AreaSections | null = null;
    effect(() => {
      const next = { label: this.label(), sections: this.sections() };
      // untracked: hide() reads the published sections; tracking them would re-run this effect forever.
      untracked(() => {
        if (shown) areaNav.hide(shown);
        shown = next;
        areaNav.show(next);
      });
    });
    inject(DestroyRef).onDestroy(() => shown && areaNav.hide(shown));
  }
}
