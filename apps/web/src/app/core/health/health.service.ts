import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { HealthResponse } from '@incubator/contracts';
import { catchError, map, Observable, of } from 'rxjs';

/** Outcome of one call to `GET /api/health`. */
export type HealthCheck =
  /** The API answered with a health report, whether every dependency is up (200) or not (503). */
  | { kind: 'report'; report: HealthResponse; checkedAt: Date }
  /** No report came back: `httpStatus` is 0 for a network error, else the unexpected HTTP status. */
  | { kind: 'unreachable'; httpStatus: number; checkedAt: Date };

@Injectable({ providedIn: 'root' })
export class HealthService {
  private readonly http = inject(HttpClient);

  /** Never errors: every failure becomes an `unreachable` check. */
  check(): Observable<HealthCheck> {
    return this.http.get<unknown>('/api/health').pipe(
      map((body) => toCheck(body, 200)),
      catchError((error: unknown) =>
        of(
          error instanceof HttpErrorResponse
            ? // A dependency down gives 503 with the same body as a 200: it is a report, not a failure.
              toCheck(error.error, error.status)
            : toCheck(undefined, 0),
        ),
      ),
    );
  }
}

function toCheck(body: unknown, httpStatus: number): HealthCheck {
  const checkedAt = new Date();
  return isHealthResponse(body)
    ? { kind: 'report', report: body, checkedAt }
    : { kind: 'unreachable', httpStatus, checkedAt };
}

function isHealthResponse(body: unknown): body is HealthResponse {
  if (typeof body !== 'object' || body === null) {
    return false;
  }
  const { status, details } = body as Partial<HealthResponse>;
  return (
    (status === 'ok' || status === 'error' || status === 'shutting_down') &&
    typeof details === 'object' &&
    details !== null
  );
}
