/** The steps a new organisation's admin goes through, in order. */
export const ONBOARDING_STEPS = ['profile', 'site', 'building', 'floor', 'prices', 'programs', 'team', 'startups'] as const;
export type OnboardingStepKey = (typeof ONBOARDING_STEPS)[number];

/** One step of the set-up, ticked from the data itself (never from a flag someone sets). */
export interface OnboardingStep {
  key: OnboardingStepKey;
  done: boolean;
  /** How many of the step's things exist: sites, buildings, price lines, staff besides the caller… (profile: 1 when filled). */
  count: number;
}

/** GET /api/onboarding: every step in ONBOARDING_STEPS order. */
export interface OnboardingResponse {
  steps: OnboardingStep[];
  doneCount: number;
  /** Every step is done. */
  complete: boolean;
}
