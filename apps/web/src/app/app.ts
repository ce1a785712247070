import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { filter } from 'rxjs';
import { AREAS, canOpenArea } from './core/auth/areas';
import { AuthService } from './core/auth/auth.service';
import { LanguageSwitchComponent } from './core/i18n/language-switch.component';
import { AreaNav } from './core/ui/area-nav';
// Deferred (see app.html): nothing else of that file may be imported here, types apart.
import { ShellDrawerComponent } from './core/ui/shell-drawer.component';
import type { DrawerLink } from './core/ui/shell-drawer.component';
// Deferred as well: used only inside the user menu's @defer block.
import { OpenMenuOnStartDirective } from './core/ui/open-menu-on-start.directive';

@Component({
  selector: 'app-root',
  imports: [
    LanguageSwitchComponent,
    MatButtonModule,
    MatMenu,
    MatMenuItem,
    MatMenuTrigger,
    MatToolbarModule,
    OpenMenuOnStartDirective,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    ShellDrawerComponent,
    TranslocoDirective,
  ],
  templateUrl: './app.html',
  styleUrl: './app.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  protected readonly user = this.auth.user;
  /** Only the areas the user's role may open; a visitor sees none. */
  protected readonly areas = computed(() => {
    const user = this.user();
    return user ? AREAS.filter((area) => canOpenArea(user.role, area)) : [];
  });
  /** The phone drawer's first list: the same links as the row of tabs under the toolbar. */
  protected readonly drawerLinks = computed((): DrawerLink[] => [
    { id: 'status', url: '/status' },
    ...this.areas().map((area) => ({ id: area, url: `/${area}` })),
    ...(this.user() ? [] : [{ id: 'login', url: '/login' }]),
  ]);
  /** The sections of the area on screen, which the drawer lists below the areas. */
  protected readonly areaSections = inject(AreaNav).sections;
  /** The user menu's placeholder was pressed before the menu had loaded: it opens once loaded. */
  protected readonly userMenuPressed = signal(false);
  /** The placeholder has the focus (or had it when it was replaced): the menu's button takes it. */
  protected readonly userMenuFocused = signal(false);
  /** Open, or opening: the drawer's layer takes the clicks from then until the drawer has closed. */
  protected readonly drawerOpen = signal(false);

  constructor() {
    // A link chosen in the drawer shows its page: the drawer gets out of the way.
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.drawerOpen.set(false));
  }

  protected openDrawer(): void {
    this.drawerOpen.set(true);
  }

  protected logout(): void {
    this.auth.logout().subscribe(() => void this.router.navigateByUrl('/login'));
  }
}
