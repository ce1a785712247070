import { DestroyRef, inject, signal } from '@angular/core';
import { ReportKind, ReportRunResponse } from '@incubator/contracts';
import { Subscription } from 'rxjs';
import { FormError, genericError } from '../forms/api-error';
import { ReportsService } from './reports.service';
import { isRunFinished, pollRun } from './run-polling';

/**
 * A page's list of report runs (of one kind, or all), newest first. A run that is queued or
 * running is followed every 2 s until it ends; the list is then fetched again, with its files.
 * Call in an injection context (a field initialiser).
 */
export function reportRuns(kind?: ReportKind) {
  const api = inject(ReportsService);
  const runs = signal<ReportRunResponse[] | null>(null);
  const failed = signal(false);
  const requesting = signal(false);
  const error = signal<FormError | null>(null);
  const followed = new Map<string, Subscription>();
  let loading: Subscription | null = null;

  inject(DestroyRef).onDestroy(() => {
    loading?.unsubscribe();
    followed.forEach((subscription) => subscription.unsubscribe());
  });

  function load(): void {
    loading?.unsubscribe();
    loading = api.runs(kind).subscribe({
      next: (list) => {
        runs.set(list);
        failed.set(false);
        list.filter((run) => !isRunFinished(run)).forEach(follow);
      },
      error: () => failed.set(true),
    });
  }

  function put(run: ReportRunResponse): void {
    runs.update((list) => {
      if (!list) {
        return [run];
      }
      return list.some((r) => r.id === run.id) ? list.map((r) => (r.id === run.id ? run : r)) : [run, ...list];
    });
  }

  function follow(run: ReportRunResponse): void {
    if (followed.has(run.id)) {
      return;
    }
    const subscription = pollRun((id) => api.run(id), run.id).subscribe({
      next: put,
      complete: () => {
        followed.delete(run.id);
        load();
      },
      error: () => {
        // Stop following; the next visit or refresh shows where it stands.
        followed.delete(run.id);
      },
    });
    followed.set(run.id, subscription);
  }

  function request(requestKind: ReportKind, period: string, regenerate = false): void {
    if (requesting()) {
      return;
    }
    requesting.set(true);
    error.set(null);
    api.requestRun(regenerate ? { kind: requestKind, period, regenerate } : { kind: requestKind, period }).subscribe({
      next: (run) => {
        requesting.set(false);
        put(run);
        if (isRunFinished(run)) {
          load();
        } else {
          follow(run);
        }
      },
      error: (failure: unknown) => {
        requesting.set(false);
        error.set(genericError(failure));
      },
    });
  }

  load();
  return {
    runs: runs.asReadonly(),
    failed: failed.asReadonly(),
    requesting: requesting.asReadonly(),
    error: error.asReadonly(),
    load,
    request,
  };
}

export type ReportRuns = ReturnType<typeof reportRuns>;
