import { ChangeDetectionStrategy, Component, effect, input, output, signal, untracked, viewChild } from '@angular/core';
import { MatListModule } from '@angular/material/list';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import type { AreaSections } from './area-nav';

export interface DrawerLink {
  /** The link's test id and its `nav.<id>` label. */
  id: string;
  url: string;
}

/**
 * The phone drawer: the areas, then the sections of the area on screen. Its own component so that the
 * shell loads it (and Material's list and sidenav, which bring @angular/forms) only when the menu is used:
 * they stay out of every page's first download.
 */
@Component({
  selector: 'app-shell-drawer',
  imports: [MatListModule, MatSidenavModule, RouterLink, RouterLinkActive, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <!--
      The drawer sits in its own fixed layer: a sidenav container around the page would make its
      content the scroll box, and a page too wide for the phone would then scroll inside it unnoticed.
    -->
    <mat-sidenav-container *transloco="let t" class="drawer-layer" [class.is-open]="layerOpen()">
      <mat-sidenav
        id="shell-drawer"
        mode="over"
        (openedChange)="openedChange($event)"
        [attr.aria-label]="t('nav.drawer')"
        data-testid="nav-drawer"
      >
        <!-- A mat-nav-list is a navigation landmark itself. -->
        <mat-nav-list [attr.aria-label]="t('nav.label')">
          @for (link of links(); track link.url) {
            <a
              mat-list-item
              [routerLink]="link.url"
              routerLinkActive
              #active="routerLinkActive"
              [activated]="active.isActive"
              ariaCurrentWhenActive="page"
              [attr.data-testid]="'drawer-' + link.id"
            >
              {{ t('nav.' + link.id) }}
            </a>
          }
        </mat-nav-list>
        @if (sections(); as area) {
          <mat-nav-list [attr.aria-label]="t(area.label)" data-testid="drawer-sections">
            <h2 matSubheader>{{ t(area.label) }}</h2>
            @for (section of area.sections; track section.link) {
              <a
                mat-list-item
                [routerLink]="section.link"
                routerLinkActive
                #active="routerLinkActive"
                [routerLinkActiveOptions]="section.exact ? exactMatch : prefixMatch"
                [activated]="active.isActive"
                ariaCurrentWhenActive="page"
                [attr.data-testid]="'drawer-' + section.testId"
              >
                {{ t(section.label) }}
              </a>
            }
          </mat-nav-list>
        }
      </mat-sidenav>
    </mat-sidenav-container>
  `,
  styles: `
    // The drawer's own layer covers the screen only while the drawer is open; closed, clicks go through.
    .drawer-layer {
      position: fixed;
      inset: 0;
      z-index: 20;
      background: transparent;
      pointer-events: none;
      visibility: hidden;

      &.is-open {
        pointer-events: auto;
        visibility: visible;
      }

      mat-sidenav {
        width: min(20rem, 85vw);
      }

      h2 {
        font: var(--mat-sys-title-small);
      }
    }
  `,
})
export class ShellDrawerComponent {
  /** Asked open: the drawer opens, or closes (after which its layer lets the clicks through again). */
  readonly open = input(false);
  readonly links = input.required<readonly DrawerLink[]>();
  readonly sections = input<AreaSections | null>(null);
  /** The drawer's own changes (Escape, a click on the backdrop). */
  readonly openChange = output<boolean>();

  // Constant objects: a literal in the template would be new at each check and re-run RouterLinkActive.
  protected readonly exactMatch = { exact: true };
  protected readonly prefixMatch = { exact: false };
  // Inside *transloco: there once the translations are.
  private readonly drawer = viewChild(MatSidenav);

  /**
   * Open, or opening, or closing: the layer takes the clicks, and stays visible, until the drawer has
   * closed (hidden at once, it would take the focus away from inside the drawer while it closes).
   */
  protected readonly layerOpen = signal(false);

  constructor() {
    effect(() => {
      const drawer = this.drawer();
      const open = this.open();
      if (open) this.layerOpen.set(true);
      // Untracked: the drawer closing itself (Escape, backdrop) must not re-run this before the shell knows.
      if (drawer && open !== untracked(() => drawer.opened)) void (open ? drawer.open() : drawer.close());
    });
  }

  protected openedChange(opened: boolean): void {
    this.layerOpen.set(opened);
    this.openChange.emit(opened);
  }
}
