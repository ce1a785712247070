import { ReportRunResponse } from '@incubator/contracts';
import { exhaustMap, Observable, takeWhile, timer } from 'rxjs';

export const RUN_POLL_INTERVAL_MS = 2000;

export function isRunFinished(run: ReportRunResponse): boolean {
  return run.status === 'completed' || run.status === 'failed';
}

/**
 * The run as it moves on: asks for it every `interval` ms and emits each answer, the last one
 * completed or failed, then completes. An error of the request ends the observable with that error.
 */
export function pollRun(
  fetch: (runId: string) => Observable<ReportRunResponse>,
  runId: string,
  interval = RUN_POLL_INTERVAL_MS,
): Observable<ReportRunResponse> {
  return timer(interval, interval).pipe(
    // One request at a time: a tick while the last answer is awaited is skipped.
    exhaustMap(() => fetch(runId)),
    takeWhile((run) => !isRunFinished(run), true),
  );
}
