import Redis from 'ioredis';
import type { Case } from './hostile-cases';
import type { DatabaseWatch } from './database-watch';

export interface Caller {
  name: string;
  headers: Record<string, string>;
}

/** What the other organisation looks like in a response: its ids, its members' e-mails, its startups' names. */
export interface ForeignMarkers {
  organisationId: string;
  ownOrganisationId: string;
  texts: string[];
}

/**
 * Sends cases one at a time and checks each answer: never a 5xx, the expected 4xx where one is due, a 4xx
 * changes nothing, and another organisation's id never reads or writes that organisation's row.
 * Failures are collected (not thrown) so one run lists every broken operation and input.
 */
export class FuzzRun {
  readonly failures: string[] = [];
  /** class → status → count, and operation → status → count, for the summary. */
  readonly byClass = new Map<string, Map<string, number>>();
  readonly byOperation = new Map<string, Map<string, number>>();
  requests = 0;

  constructor(
    private readonly origin: string,
    private readonly watch: DatabaseWatch,
    private readonly redis: Redis,
    private readonly markers: ForeignMarkers,
  ) {}

  async send(testCase: Case, caller: Caller): Promise<void> {
    const headers: Record<string, string> = { ...caller.headers, 'Accept-Language': 'en' };
    if (testCase.contentType) headers['Content-Type'] = testCase.contentType;
    const foreignBefore = testCase.foreign && testCase.method !== 'GET' ? await this.foreignState(testCase.foreign.id) : undefined;
    let status = 0;
    let text = '';
    try {
      const body = typeof testCase.body === 'string' || testCase.body === undefined ? testCase.body : new Uint8Array(testCase.body);
      const response = await fetch(this.origin + testCase.url, { method: testCase.method, headers, body });
      status = response.status;
      text = await response.text();
    } catch (error) {
      text = `no answer: ${(error as Error).message} ${String((error as { cause?: unknown }).cause ?? '')}`;
    }
    this.requests++;
    this.count(this.byClass, testCase.kind, status);
    this.count(this.byOperation, testCase.operation, status);
    const what = `${testCase.operation} as ${caller.name}, ${testCase.input} → ${status || 'no answer'}`;
    const answer = text.replace(/\s+/g, ' ').slice(0, 240);
    if (status >= 500 || status === 0) this.failures.push(`${what}: ${answer}`);
    const changed = await this.watch.changed();
    if (status >= 400 && changed) this.failures.push(`${what} but the database changed`);
    const expected = testCase.expect;
    if (expected === '4xx' && status >= 200 && status < 400) this.failures.push(`${what}, expected a 4xx: the hostile input was accepted`);
    if (typeof expected === 'number' && status !== expected && status < 500) this.failures.push(`${what}, expected ${expected}: ${answer}`);
    if (testCase.foreign && status >= 200 && status < 300) await this.checkForeign(testCase, what, text, foreignBefore);
    // Failed sign-ins count against the client address (127.0.0.1) for LOGIN_LOCK_MINUTES: forget them,
    // or every later sign-in of this run and of the next test files would be refused with 429.
    if (testCase.url.startsWith('/api/auth/login')) await this.forgetLoginFailures();
  }

  /** The other organisation's rows, and the caller's rows that mention the foreign id. */
  private async foreignState(id: string): Promise<{ print: string; mentions: Record<string, number> }> {
    return { print: await this.watch.tenantPrint(this.markers.organisationId), mentions: await this.watch.rowsMentioning(this.markers.ownOrganisationId, id) };
  }

  private async checkForeign(testCase: Case, what: string, text: string, before: { print: string; mentions: Record<string, number> } | undefined): Promise<void> {
    const { id, where } = testCase.foreign as NonNullable<Case['foreign']>;
    if (where === 'path') {
      this.failures.push(`${what}: another organisation's row was reached by its id`);
      return;
    }
    // A filter may echo the id it was given; anything else of the other organisation in the answer is a leak.
    const leaked = this.markers.texts.filter((marker) => marker !== id && text.includes(marker));
    if (leaked.length) this.failures.push(`${what}: the answer holds the other organisation's ${leaked.slice(0, 3).join(', ')}`);
    if (testCase.method === 'GET') return;
    const after = await this.foreignState(id);
    if (before?.print !== after.print) this.failures.push(`${what}: the other organisation's rows changed`);
    const stored = Object.entries(after.mentions).filter(([table, n]) => n > (before?.mentions[table] ?? 0)).map(([table]) => table);
    if (stored.length) this.failures.push(`${what}: the foreign id was stored in ${stored.join(', ')}`);
  }

  private count(table: Map<string, Map<string, number>>, key: string, status: number): void {
    const row = table.get(key) ?? new Map<string, number>();
    row.set(String(status), (row.get(String(status)) ?? 0) + 1);
    table.set(key, row);
  }

  async forgetLoginFailures(): Promise<void> {
    const keys = await this.redis.keys('login-fail:*');
    if (keys.length) await this.redis.del(...keys);
  }

  /** "N requests" and one line per class (or operation): status × count. */
  summary(table = this.byClass): string {
    const lines = [...table.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, statuses]) => `${key.padEnd(44)} ${[...statuses.entries()].sort().map(([s, n]) => `${s}×${n}`).join('  ')}`);
    return [`${this.requests} requests`, ...lines].join('\n');
  }

  /** Failures, the same operation × input × status once, then how many calls each stood for. */
  report(from = 0): string {
    const seen = new Map<string, number>();
    for (const failure of this.failures.slice(from)) seen.set(failure, (seen.get(failure) ?? 0) + 1);
    return [...seen.entries()].map(([failure, n]) => (n > 1 ? `${failure} (×${n})` : failure)).join('\n');
  }
}
