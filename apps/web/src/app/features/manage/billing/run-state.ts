import { BillingRun } from '@incubator/contracts';

/** A run the worker is still on: the page asks for it again until it settles. */
export function isRunBusy(run: BillingRun): boolean {
  return run.status === 'drafting' || run.status === 'issuing';
}

/** Drafted, or failed while issuing with drafts left: the manager may issue (again). */
export function canIssueRun(run: BillingRun): boolean {
  return run.status === 'drafted' || (run.status === 'failed' && run.draftCount > 0);
}

/** Progress in % for the bar (0 while the total is unknown). */
export function runPercent(run: BillingRun): number {
  return run.total > 0 ? Math.min(100, Math.round((run.progress / run.total) * 100)) : 0;
}

/** The runs with `changed` in place of the one with its id (or first, when new), newest month first. */
export function mergeRun(runs: BillingRun[], changed: BillingRun): BillingRun[] {
  const others = runs.filter((run) => run.id !== changed.id);
  return [changed, ...others].sort((a, b) => b.month.localeCompare(a.month));
}
