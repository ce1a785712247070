import type { AppConfig } from '@incubator/api/config';
import type { BoardQuarterResponse } from '@incubator/contracts';
import { BOARD_DASHBOARD_MAX_ENTRIES, BoardDashboardCache } from './board-dashboard.cache';
import type { BoardQuarterService } from './board-quarter.service';

/** Unit test of the cache alone: the board quarter computation is a stand-in counting its calls. */
describe('BoardDashboardCache', () => {
  let computations: Array<{ organisationId: string; quarter: string; view?: string; resolve: (v: BoardQuarterResponse) => void; reject: (e: Error) => void }>;
  let cache: BoardDashboardCache;
  const figures = (label: string) => ({ organisationName: label }) as BoardQuarterResponse;

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-22T08:00:00Z') });
    computations = [];
    const board = {
      quarter: (organisationId: string, quarter: string, _progress: unknown, view?: string) =>
        new Promise<BoardQuarterResponse>((resolve, reject) => computations.push({ organisationId, quarter, view, resolve, reject })),
    } as unknown as BoardQuarterService;
    cache = new BoardDashboardCache(board, { BOARD_DASHBOARD_TTL_SECONDS: 300 } as AppConfig);
  });

  afterEach(() => jest.useRealTimers());

  it('shares one computation between concurrent requests and keeps it for the TTL', async () => {
    const first = cache.quarter('org-a', '2026-Q3');
    const second = cache.quarter('org-a', '2026-Q3');
    expect(computations).toHaveLength(1);
    computations[0].resolve(figures('one'));
    expect((await first).organisationName).toBe('one');
    expect((await second).organisationName).toBe('one');

    jest.setSystemTime(new Date('2026-11-22T08:04:59Z'));
    expect((await cache.quarter('org-a', '2026-Q3')).organisationName).toBe('one');
    expect(computations).toHaveLength(1);

    jest.setSystemTime(new Date('2026-11-22T08:05:00Z'));
    const later = cache.quarter('org-a', '2026-Q3');
    expect(computations).toHaveLength(2);
    computations[1].resolve(figures('two'));
    expect((await later).organisationName).toBe('two');
  });

  it('keeps organisations and quarters apart', () => {
    void cache.quarter('org-a', '2026-Q3');
    void cache.quarter('org-b', '2026-Q3');
    void cache.quarter('org-a', '2026-Q2');
    expect(computations.map((c) => `${c.organisationId}/${c.quarter}`)).toEqual(['org-a/2026-Q3', 'org-b/2026-Q3', 'org-a/2026-Q2']);
  });

  it('keeps the board’s figures apart from the team’s (which nothing is withheld from)', () => {
    void cache.quarter('org-a', '2026-Q3', 'board');
    void cache.quarter('org-a', '2026-Q3', 'team');
    void cache.quarter('org-a', '2026-Q3');
    expect(computations.map((c) => c.view)).toEqual(['board', 'team']);
  });

  it('holds at most BOARD_DASHBOARD_MAX_ENTRIES quarters, dropping the least recently used', () => {
    for (let i = 0; i < BOARD_DASHBOARD_MAX_ENTRIES; i++) void cache.quarter(`org-${i}`, '2026-Q3');
    void cache.quarter('org-0', '2026-Q3'); // used again: now the most recent
    void cache.quarter('one-more', '2026-Q3'); // evicts org-1
    expect(computations).toHaveLength(BOARD_DASHBOARD_MAX_ENTRIES + 1);
    void cache.quarter('org-0', '2026-Q3');
    expect(computations).toHaveLength(BOARD_DASHBOARD_MAX_ENTRIES + 1);
    void cache.quarter('org-1', '2026-Q3');
    expect(computations).toHaveLength(BOARD_DASHBOARD_MAX_ENTRIES + 2);
    expect(cache.size).toBeLessThanOrEqual(BOARD_DASHBOARD_MAX_ENTRIES);
  });

  it('does not keep a failed computation', async () => {
    const failing = cache.quarter('org-a', '2026-Q3');
    computations[0].reject(new Error('database down'));
    await expect(failing).rejects.toThrow('database down');
    const retry = cache.quarter('org-a', '2026-Q3');
    expect(computations).toHaveLength(2);
    computations[1].resolve(figures('after'));
    expect((await retry).organisationName).toBe('after');
  });

  it('computes every time with a TTL of 0', () => {
    const board = { quarter: jest.fn(() => new Promise<BoardQuarterResponse>(() => undefined)) };
    cache = new BoardDashboardCache(board as unknown as BoardQuarterService, { BOARD_DASHBOARD_TTL_SECONDS: 0 } as AppConfig);
    void cache.quarter('org-a', '2026-Q3');
    void cache.quarter('org-a', '2026-Q3');
    expect(board.quarter).toHaveBeenCalledTimes(2);
  });
});
