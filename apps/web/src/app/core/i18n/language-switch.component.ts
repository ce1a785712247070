import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonToggleChange, MatButtonToggleModule } from '@angular/material/button-toggle';
import { TranslocoDirective } from '@jsverse/transloco';
import { isLocale, SUPPORTED_LOCALES } from '@incubator/contracts';
import { LocaleService } from './locale.service';

@Component({
  selector: 'app-language-switch',
  imports: [MatButtonToggleModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-button-toggle-group
      *transloco="let t"
      hideSingleSelectionIndicator
      [value]="localeService.locale()"
      (change)="select($event)"
      [attr.aria-label]="t('language.label')"
      data-testid="language-switch"
    >
      @for (locale of locales; track locale) {
        <!-- Each language name is written in that language, hence its own lang attribute. -->
        <mat-button-toggle [value]="locale" [attr.lang]="locale" [attr.data-testid]="'language-' + locale">
          {{ t('language.' + locale) }}
        </mat-button-toggle>
      }
    </mat-button-toggle-group>
  `,
})
export class LanguageSwitchComponent {
  protected readonly localeService = inject(LocaleService);
  protected readonly locales = SUPPORTED_LOCALES;

  protected select(change: MatButtonToggleChange): void {
    if (isLocale(change.value)) {
      this.localeService.use(change.value);
    }
  }
}
