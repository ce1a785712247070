/**
 * The tier's clients: each logical request goes to one of the API processes (round robin, as a load balancer
 * does) and is retried with the same body after a network error (that process is gone: the next one is asked)
 * or a 503 (a dependency is failing over). Every attempt is recorded, so 5xx can be counted inside and outside
 * the failover windows; the outcome says whether the request was accepted.
 */
export interface Attempt {
  kind: string;
  startedAt: number;
  endedAt: number;
  /** HTTP status, or 0 for a network error (connection refused or reset). */
  status: number;
  api: number;
}

export interface Outcome<T = unknown> {
  kind: string;
  key: string;
  /** 2xx, or the conflict a retry gets when an earlier, unanswered attempt had already done the work. */
  accepted: boolean;
  status: number;
  attempts: number;
  body: T;
}

export class LoadClient {
  readonly attempts: Attempt[] = [];
  readonly outcomes: Outcome[] = [];
  private next = 0;

  constructor(
    private readonly apis: string[],
    private readonly headers: () => Record<string, string>,
  ) {}

  async send<T>(kind: string, key: string, method: string, path: string, body?: unknown, options: { conflictMeansDone?: boolean; record?: boolean } = {}): Promise<Outcome<T>> {
    let ambiguous = false; // an earlier attempt may have done the work without our hearing the answer
    for (let attempt = 1; ; attempt++) {
      const api = this.next++ % this.apis.length;
      const startedAt = Date.now();
      let status = 0;
      let parsed: unknown;
      try {
        const response = await fetch(`${this.apis[api]}${path}`, {
          method,
          headers: { 'Content-Type': 'application/json', ...this.headers() },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(30_000),
        });
        status = response.status;
        const text = await response.text();
        parsed = text ? safeJson(text) : undefined;
      } catch {
        status = 0;
      }
      this.attempts.push({ kind, startedAt, endedAt: Date.now(), status, api });
      const retriable = status === 0 || status === 502 || status === 503 || status === 504 || status >= 500;
      if (retriable && attempt < 60) {
        if (status === 0 || status >= 500) ambiguous = ambiguous || method !== 'GET';
        await new Promise((resolve) => setTimeout(resolve, 250));
        continue;
      }
      const accepted = (status >= 200 && status < 300) || (status === 409 && ambiguous && options.conflictMeansDone === true);
      const outcome: Outcome<T> = { kind, key, accepted, status, attempts: attempt, body: parsed as T };
      if (options.record !== false) this.outcomes.push(outcome);
      return outcome;
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A named period during which a dependency or a process is down; 5xx inside it are expected. */
export interface FaultWindow {
  name: string;
  start: number;
  /** When every API answered its health check with 200 again. */
  end: number;
  /** Whether an API's health answered 503 during the window (it noticed) before 200 again. */
  saw503: boolean;
}

/** A 5xx or network error inside a window (plus a grace for requests in flight when it closed) is expected. */
export function insideAWindow(attempt: Attempt, windows: FaultWindow[], graceMs = 2_000): boolean {
  return windows.some((w) => attempt.endedAt >= w.start && attempt.startedAt <= w.end + graceMs);
}
