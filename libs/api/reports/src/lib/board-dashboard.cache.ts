import { Injectable } from '@nestjs/common';
import { AppConfig } from '@incubator/api/config';
import type { BoardQuarterResponse } from '@incubator/contracts';
import { BoardQuarterService } from './board-quarter.service';

interface Entry {
  storedAt: number;
  figures: Promise<BoardQuarterResponse>;
}

/**
 * The board dashboard's figures per organisation and quarter, kept BOARD_DASHBOARD_TTL_SECONDS.
 * Computing a quarter runs about a hundred aggregation statements (≈ 15 s at 10,000 startups): without
 * this, every board member opening the page started the same work again. Concurrent requests share one
 * computation; a failed one is not kept. The response says when its figures were computed.
 */
@Injectable()
export class BoardDashboardCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly board: BoardQuarterService,
    private readonly config: AppConfig,
  ) {}

  quarter(organisationId: string, quarter: string): Promise<BoardQuarterResponse> {
    const key = `${organisationId}/${quarter}`;
    const entry = this.entries.get(key);
    if (entry && this.isFresh(entry)) return entry.figures;
    this.evictExpired();
    const figures = this.board.quarter(organisationId, quarter);
    this.entries.set(key, { storedAt: Date.now(), figures });
    figures.catch(() => {
      if (this.entries.get(key)?.figures === figures) this.entries.delete(key);
    });
    return figures;
  }

  /** Bounded by what is asked within one TTL: expired entries go when a new one is computed. */
  private evictExpired(): void {
    for (const [key, entry] of this.entries) if (!this.isFresh(entry)) this.entries.delete(key);
  }

  private isFresh(entry: Entry): boolean {
    return Date.now() - entry.storedAt < this.config.BOARD_DASHBOARD_TTL_SECONDS * 1000;
  }
}
