import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { AREAS, canOpenArea } from './core/auth/areas';
import { AuthService } from './core/auth/auth.service';
import { LanguageSwitchComponent } from './core/i18n/language-switch.component';

@Component({
  selector: 'app-root',
  imports: [
    LanguageSwitchComponent,
    MatButtonModule,
    MatMenu,
    MatMenuItem,
    MatMenuTrigger,
    MatToolbarModule,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
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

  protected logout(): void {
    this.auth.logout().subscribe(() => void this.router.navigateByUrl('/login'));
  }
}
