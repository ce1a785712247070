import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { OnboardingResponse, OnboardingStepKey, Permission } from '@incubator/contracts';
import { AuthService } from '../../../core/auth/auth.service';
import { LocalNumberPipe } from '../../../core/i18n/local-number.pipe';
import { LocaleService } from '../../../core/i18n/locale.service';
import { OnboardingService } from './onboarding.service';

/** Where each step is done in the application (a path, and the part of the page to scroll to). */
export const ONBOARDING_LINKS: Readonly<Record<OnboardingStepKey, { path: string; fragment?: string }>> = {
  profile: { path: '/admin/settings' },
  site: { path: '/manage/space' },
  building: { path: '/manage/space' },
  floor: { path: '/manage/space' },
  prices: { path: '/manage/space/prices' },
  programs: { path: '/manage/programs' },
  team: { path: '/admin', fragment: 'members-title' },
  startups: { path: '/manage/startups' },
};

/**
 * The admin's set-up checklist: profile → site → building → floor → prices → programs → team →
 * startups, each linked to its page and ticked from the data (GET /api/onboarding). It shows until every
 * step is done, then gives way; it never blocks the page (a failed load shows nothing).
 */
@Component({
  selector: 'app-onboarding-checklist',
  imports: [LocalNumberPipe, MatButtonModule, MatProgressBarModule, RouterLink, TranslocoDirective],
  templateUrl: './onboarding-checklist.component.html',
  styleUrl: './onboarding-checklist.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OnboardingChecklistComponent {
  private readonly onboarding = inject(OnboardingService);
  private readonly auth = inject(AuthService);

  protected readonly locale = inject(LocaleService).locale;
  protected readonly links = ONBOARDING_LINKS;
  protected readonly progress = signal<OnboardingResponse | null>(null);
  /** The first step left to do: the one the checklist puts forward. */
  protected readonly next = computed(() => this.progress()?.steps.find((step) => !step.done)?.key ?? null);
  protected readonly percent = computed(() => {
    const progress = this.progress();
    return progress && progress.steps.length ? (100 * progress.doneCount) / progress.steps.length : 0;
  });

  constructor() {
    this.reload();
  }

  reload(): void {
    // Only the organisation's admins set it up (the API answers 403 to anyone else).
    if (!this.auth.permissions().includes(Permission.OrganisationManage)) {
      return;
    }
    this.onboarding.progress().subscribe({ next: (progress) => this.progress.set(progress), error: () => this.progress.set(null) });
  }
}
