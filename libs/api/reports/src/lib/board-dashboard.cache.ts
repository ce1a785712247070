import { Injectable } from '@nestjs/common';
import { AppConfig } from '@incubator/api/config';
import type { BoardQuarterResponse } from '@incubator/contracts';
import { BoardQuarterService } from './board-quarter.service';
import type { BoardQuarterView } from './board-quarter.service';

/** Quarters kept at most (organisation × quarter × view): a bound on memory whatever callers ask for. */
export const BOARD_DASHBOARD_MAX_ENTRIES = 200;

interface Entry {
  storedAt: number;
  figures: Promise<BoardQuarterResponse>;
}

/**
 * The board dashboard's figures per organisation, quarter and view (the board's protected figures or the
 * team's), kept BOARD_DASHBOARD_TTL_SECONDS. Computing a quarter runs three aggregation statements (the
 * series, every cell of the table, the year to date) and eight occupancy reads: without this, every board
 * member opening the page started the same work again. Concurrent requests
 * share one computation; a failed one is not kept. Least recently used entries go beyond
 * BOARD_DASHBOARD_MAX_ENTRIES (a Map iterates in insertion order: re-inserting on use keeps it LRU).
 */
@Injectable()
export class BoardDashboardCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly board: BoardQuarterService,
    private readonly config: AppConfig,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  quarter(organisationId: string, quarter: string, view: BoardQuarterView = 'board'): Promise<BoardQuarterResponse> {
    const key = `${organisationId}/${quarter}/${view}`;
    const entry = this.entries.get(key);
    if (entry && this.isFresh(entry)) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.figures;
    }
    this.entries.delete(key);
    this.evictExpired();
    const figures = this.board.quarter(organisationId, quarter, undefined, view);
    this.entries.set(key, { storedAt: Date.now(), figures });
    while (this.entries.size > BOARD_DASHBOARD_MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    figures.catch(() => {
      if (this.entries.get(key)?.figures === figures) this.entries.delete(key);
    });
    return figures;
  }

  private evictExpired(): void {
    for (const [key, entry] of this.entries) if (!this.isFresh(entry)) this.entries.delete(key);
  }

  private isFresh(entry: Entry): boolean {
    return Date.now() - entry.storedAt < this.config.BOARD_DASHBOARD_TTL_SECONDS * 1000;
  }
}
