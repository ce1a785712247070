import { afterNextRender, Directive, DOCUMENT, ElementRef, inject, input } from '@angular/core';
import { MatMenuTrigger } from '@angular/material/menu';

/**
 * On a menu trigger that replaces a placeholder once a deferred block has loaded (on hover or on
 * interaction): nothing of what the user did to the placeholder is lost. `appOpenMenuOnStart`: the
 * placeholder was pressed — the trigger takes the focus and opens its menu. `appFocusOnStart`: the
 * placeholder had the focus (a keyboard user tabbed onto it) — the trigger takes it back, unless the focus
 * has moved elsewhere meanwhile.
 */
@Directive({ selector: '[appOpenMenuOnStart]' })
export class OpenMenuOnStartDirective {
  readonly appOpenMenuOnStart = input(false);
  readonly appFocusOnStart = input(false);
  private readonly trigger = inject(MatMenuTrigger);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly document = inject(DOCUMENT);

  constructor() {
    afterNextRender(() => {
      const focusLost = !this.document.activeElement || this.document.activeElement === this.document.body;
      if (this.appOpenMenuOnStart()) {
        this.host.nativeElement.focus();
        this.trigger.openMenu();
      } else if (this.appFocusOnStart() && focusLost) {
        this.host.nativeElement.focus();
      }
    });
  }
}
