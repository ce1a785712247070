import { Injectable } from '@nestjs/common';
import { quarterRange } from '@incubator/contracts';
import type { BoardOutcomes, BoardQuarterResponse } from '@incubator/contracts';
import { BoardOutcomesRepository } from './board-outcomes.repository';
import { activeSince, buildOutcomes, survivalCutoff } from './board-outcomes';
import { TargetRepository } from './target.repository';

/**
 * The board's long-run figures for a quarter — survival, conversion of calls, figures since the start and
 * long-term targets — from a handful of indexed statements run side by side, plus the quarter's own
 * headcount series (already under the board's rules), so they add a few milliseconds to a quarter.
 */
@Injectable()
export class BoardOutcomesService {
  constructor(
    private readonly repository: BoardOutcomesRepository,
    private readonly targets: TargetRepository,
  ) {}

  /** `quarter`: the rest of the quarter as the caller sees it; `board`: apply the board's suppression threshold. */
  async ofQuarter(organisationId: string, quarter: Pick<BoardQuarterResponse, 'quarter' | 'headline' | 'aggregates'>, board: boolean): Promise<BoardOutcomes> {
    const threshold = board ? quarter.aggregates.suppressionThreshold : 0;
    return this.build(await this.load(organisationId, quarter.quarter, threshold), quarter);
  }

  /** What the outcomes are computed from (`threshold`: the one the caller's figures are under, 0 for the park's team), read side by side. */
  async load(organisationId: string, quarter: string, threshold: number): Promise<OutcomeReads> {
    const { to } = quarterRange(quarter)!;
    const [survival, conversion, funds, fundedStartups, companies, targets] = await Promise.all([
      this.repository.survival(organisationId, survivalCutoff(to), activeSince(to), to),
      this.repository.conversion(organisationId, to),
      this.repository.fundsByYear(organisationId, to),
      threshold > 0 ? this.repository.fundedStartups(organisationId, to, threshold) : Promise.resolve(0),
      this.repository.companiesByYear(organisationId, to),
      this.targets.longTerm(organisationId),
    ]);
    return { quarter, threshold, survival, conversion, funds, fundedStartups, companies, targets };
  }

  /** The outcomes of what `load` read, with the quarter's own headcount series (already under the caller's rules). */
  build(reads: OutcomeReads, quarter: Pick<BoardQuarterResponse, 'headline'>): BoardOutcomes {
    return buildOutcomes({ ...reads, headcountSeries: quarter.headline.find((f) => f.key === 'headcount')?.series ?? [] });
  }
}

/** The reads behind a quarter's outcomes (see BoardOutcomesService.load). */
export type OutcomeReads = Omit<Parameters<typeof buildOutcomes>[0], 'headcountSeries'>;
