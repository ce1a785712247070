import { Injectable } from '@nestjs/common';
import { VersionedCache } from '@incubator/api/sql';
import type { Caller } from '@incubator/api/identity';
import { formatMinorUnits } from '@incubator/contracts';
import type { KpiAggregatesQuery, KpiAggregatesResponse } from '@incubator/contracts';
import { BoardAggregates, figureKey } from './board-aggregates';
import type { BoardTable } from './board-aggregates';
import { BoardAggregatesRepository } from './board-aggregates.repository';
import { AggregateScope, KpiAggregatesRepository, RawAggregates, YearToDateFigures } from './kpi-aggregates.repository';
import { KpiErrors } from './kpi.errors';
import { trimZeros } from './kpi-values';

/**
 * Ecosystem figures for a scope (organisation, site, program, cohort, sector) and a date range
 * [from, to), in one SQL statement. KPI figures come from validated reports whose period lies inside
 * the range; funds raised from closed rounds closed inside it. Board members get their figures from
 * BoardAggregates: fixed partitions only, small groups withheld, and no subtraction leading back to them.
 */
/** Answers kept at most (organisation × audience × query): a bound on memory whatever callers ask for. */
export const AGGREGATES_CACHE_ENTRIES = 500;

@Injectable()
export class KpiAggregatesService {
  private readonly board: BoardAggregates;
  private readonly answers: VersionedCache<KpiAggregatesResponse>;

  constructor(
    private readonly repository: KpiAggregatesRepository,
    private readonly boardRepository: BoardAggregatesRepository,
  ) {
    this.board = new BoardAggregates(this, boardRepository);
    this.answers = new VersionedCache(() => repository.figuresVersion(), AGGREGATES_CACHE_ENTRIES);
  }

  /**
   * GET /kpi-aggregates: `compute`'s answer, kept until anything it is computed from changes (the
   * figures version, raised by every write to those tables in the writing transaction) or the minute
   * does (which months' reports are due depends on the day in the organisation's time zone: its
   * offset is a whole number of minutes).
   */
  aggregate(caller: Pick<Caller, 'organisationId' | 'role'>, query: KpiAggregatesQuery): Promise<KpiAggregatesResponse> {
    checkRange(query);
    const audience = caller.role === 'board' ? 'board' : 'team';
    const key = [caller.organisationId, audience, query.from, query.to, query.siteId, query.programId, query.cohortId, query.sector].map((v) => v ?? '').join('|');
    return this.answers.get(key, () => this.compute(caller, query));
  }

  /** As the caller may see them, computed now: everything for the park's team, the protected figures for a board member. */
  async compute(caller: Pick<Caller, 'organisationId' | 'role'>, query: KpiAggregatesQuery): Promise<KpiAggregatesResponse> {
    checkRange(query);
    if (caller.role === 'board') return this.board.cell(caller.organisationId, query);
    return this.present(await this.raw(caller.organisationId, query), query, await this.boardRepository.threshold(caller.organisationId), null);
  }

  /** The board's tables: every cell of the organisation's partitions for a whole quarter or year. */
  boardTable(organisationId: string, range: { from: string; to: string }): Promise<BoardTable> {
    return this.board.table(organisationId, range);
  }

  raw(organisationId: string, scope: AggregateScope): Promise<RawAggregates> {
    return this.repository.raw(organisationId, scope);
  }

  /** The organisation's year-to-date figures over these whole quarters (their first days), before anything is withheld. */
  yearToDate(organisationId: string, quarterStarts: string[], startupsAtMost: number): Promise<YearToDateFigures> {
    return this.repository.yearToDate(organisationId, quarterStarts, startupsAtMost);
  }

  /**
   * The organisation's figures for each of these single quarters as the caller may see them (what
   * `compute` gives for each, the organisation being the one cell asked): one statement for them all.
   */
  async computeQuarters(caller: Pick<Caller, 'organisationId' | 'role'>, quarters: ReadonlyArray<{ from: string; to: string }>): Promise<KpiAggregatesResponse[]> {
    if (!quarters.length) return [];
    if (caller.role === 'board') return this.board.organisationQuarters(caller.organisationId, quarters);
    const [threshold, raws] = await Promise.all([this.boardRepository.threshold(caller.organisationId), this.organisationQuarters(caller.organisationId, quarters)]);
    return raws.map((raw, i) => this.present(raw, quarters[i], threshold, null));
  }

  organisationQuarters(organisationId: string, quarters: ReadonlyArray<{ from: string; to: string }>): Promise<RawAggregates[]> {
    return this.repository.organisationQuarters(organisationId, quarters);
  }

  /** Every cell of the board's table for a range of whole quarters, in one statement (by cell id). */
  boardCells(organisationId: string, range: { from: string; to: string }): Promise<Map<string, RawAggregates>> {
    return this.repository.boardCells(organisationId, range);
  }

  /** The response; `hidden(figureKey)` says which figures to withhold (null: none, the park's team). */
  present(raw: RawAggregates, query: KpiAggregatesQuery, threshold: number, hidden: ((figure: string) => boolean) | null): KpiAggregatesResponse {
    let suppressed = false;
    const shown = <T>(value: T, figure: string): T | null => {
      if (hidden?.(figure)) {
        suppressed = true;
        return null;
      }
      return value;
    };
    const kpis = raw.kpis.map((k) => ({
      key: k.key,
      labelFr: k.label_fr,
      labelEn: k.label_en,
      unit: k.unit as KpiAggregatesResponse['kpis'][number]['unit'],
      aggregation: k.aggregation as KpiAggregatesResponse['kpis'][number]['aggregation'],
      value: shown(trimZeros(k.value ?? '0'), figureKey.kpi(k.key)),
      startups: k.startups,
    }));
    const kpi = (key: string) => (kpis.find((k) => k.key === key) ?? { value: '0' }).value;
    const total = raw.rounds.find((r) => r.kind === null);
    const byKind = raw.rounds.filter((r) => r.kind !== null).sort((a, b) => String(a.kind).localeCompare(String(b.kind)));
    const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : null);
    return {
      from: query.from,
      to: query.to,
      startups: raw.startups,
      activeStartups: raw.active,
      headcount: kpi('headcount'),
      jobsCreated: kpi('jobs_created'),
      revenueEur: kpi('revenue'),
      fundsRaisedEur: total ? shown(formatMinorUnits(total.cents, 2), figureKey.funds) : '0.00',
      roundsByKind: byKind.map((r) => ({ kind: r.kind as string, rounds: r.rounds, amountEur: shown(formatMinorUnits(r.cents, 2), figureKey.round(r.kind as string)) })),
      kpis,
      startupsCreatedByYear: raw.years.map((y) => ({ year: y.year, startups: shown(y.startups, figureKey.created(y.year)) })),
      startupsCreated: raw.created,
      milestoneCompletion: { due: raw.milestones_due, achieved: raw.milestones_achieved, rate: percent(raw.milestones_achieved, raw.milestones_due) },
      reportCompletion: { expected: raw.expected, completed: raw.completed, rate: percent(raw.completed, raw.expected) },
      suppressionThreshold: threshold,
      suppressed,
    };
  }
}

function checkRange(query: KpiAggregatesQuery): void {
  if (query.from >= query.to) throw KpiErrors.empty_range();
}
