import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { Locale, SUPPORTED_LOCALES } from '@incubator/contracts';
import { LocaleService } from './locale.service';

/**
 * Two plain toggle buttons rather than MatButtonToggle: the toggle group depends on @angular/forms,
 * which would then be part of the first download of every page.
 */
@Component({
  selector: 'app-language-switch',
  imports: [MatButtonModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div *transloco="let t" class="switch" role="group" [attr.aria-label]="t('language.label')" data-testid="language-switch">
      @for (locale of locales; track locale) {
        @let active = localeService.locale() === locale;
        <!-- Each language name is written in that language, hence its own lang attribute. -->
        <button
          mat-button
          type="button"
          [class.is-active]="active"
          [attr.aria-pressed]="active"
          [attr.lang]="locale"
          [attr.data-testid]="'language-' + locale"
          (click)="select(locale)"
        >
          {{ t('language.' + locale) }}
        </button>
      }
    </div>
  `,
  styles: `
    .switch {
      display: inline-flex;
      border: 1px solid var(--mat-sys-outline);
      border-radius: var(--mat-sys-corner-full);
      overflow: hidden;
    }
    button {
      border-radius: 0;
    }
    .is-active {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
  `,
})
export class LanguageSwitchComponent {
  protected readonly localeService = inject(LocaleService);
  protected readonly locales = SUPPORTED_LOCALES;

  protected select(locale: Locale): void {
    if (locale !== this.localeService.locale()) {
      this.localeService.use(locale);
    }
  }
}
