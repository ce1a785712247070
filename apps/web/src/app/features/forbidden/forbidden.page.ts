import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthService } from '../../core/auth/auth.service';
import { homeUrl } from '../../core/auth/return-url';

/** Shown at the address of an area the signed-in user's role may not open. */
@Component({
  selector: 'app-forbidden-page',
  imports: [RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1 data-testid="forbidden">{{ t('forbidden.title') }}</h1>
      @if (user(); as user) {
        <p>{{ t('forbidden.text', { role: t('roles.' + user.role) }) }}</p>
        <p><a [routerLink]="home()">{{ t('forbidden.home') }}</a></p>
      }
    </ng-container>
  `,
})
export class ForbiddenPage {
  protected readonly user = inject(AuthService).user;
  protected readonly home = computed(() => {
    const user = this.user();
    return user ? homeUrl(user) : '/status';
  });
}
