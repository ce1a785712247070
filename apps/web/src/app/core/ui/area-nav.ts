import { Injectable, signal } from '@angular/core';
import type { NavSection } from './section-nav.component';

export interface AreaSections {
  /** Translation key of the navigation's accessible name. */
  label: string;
  sections: readonly NavSection[];
}

/**
 * The sections of the area on screen, published by its section navigation so that the shell's
 * phone drawer lists them too (on a phone the row of tabs above the page is hidden).
 */
@Injectable({ providedIn: 'root' })
export class AreaNav {
  private readonly current = signal<AreaSections | null>(null);
  readonly sections = this.current.asReadonly();

  show(sections: AreaSections): void {
    this.current.set(sections);
  }

  /** Clears the sections if they are still the ones given (a new area may already have replaced them). */
  hide(sections: AreaSections): void {
    if (this.current() === sections) {
      this.current.set(null);
    }
  }
}
