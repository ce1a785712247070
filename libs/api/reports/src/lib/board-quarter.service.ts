import { Injectable } from '@nestjs/common';
import { figureKey, KpiAggregatesService, trimZeros, withheld } from '@incubator/api/kpis';
import type { BoardTable, CellId, DisclosureEntry, Relation, YearToDateFigures } from '@incubator/api/kpis';
import { OccupancyService } from '@incubator/api/space';
import { formatMinorUnits, quarterOf, quarterRange, ROUND_KINDS, SECTORS, shiftQuarter } from '@incubator/contracts';
import type { BoardQuarterResponse, BreakdownRow, HeadlineFigure, KpiAggregatesResponse, YearlyTargetKey } from '@incubator/contracts';
import { BoardQuarterRepository } from './board-quarter.repository';
import type { WithheldRoundFigures } from './board-quarter.repository';
import { boardQuarterRange } from './board-quarters';
import { TargetRepository } from './target.repository';
import { BoardOutcomesService } from './board-outcomes.service';

/** Quarters in a sparkline, the current one last. */
export const SERIES_QUARTERS = 8;

/** The occupancy service's rate is a share (0–1, four decimals); the board's rates are percentages (0–100), as its others. */
const inPercent = (share: number) => Math.round(share * 10_000) / 100;

/**
 * With a protected table (a board member, rounds not published by the organisation), a round is listed only
 * when none of the figures it feeds is withheld — the organisation's, its startup's sites', programs' and
 * sector's funds raised and funds of its kind: listing the rounds behind a withheld total would hand it back.
 */
function roundsWithheldBy(table: BoardTable): WithheldRoundFigures {
  const cells = [...table.cells.keys()];
  return {
    fundsIn: cells.filter((cell) => table.isHidden(cell, figureKey.funds)),
    kindsIn: ROUND_KINDS.flatMap((kind) => cells.filter((cell) => table.isHidden(cell, figureKey.round(kind))).map((cell) => ({ kind, cell }))),
  };
}

/** Who the figures are for: a board member (the protected figures) or the park's team (every figure). */
export type BoardQuarterView = 'board' | 'team';

const callerOf = (organisationId: string, view: BoardQuarterView) => ({ organisationId, role: view === 'board' ? ('board' as const) : ('manager' as const) });

/**
 * One quarter as the board sees it: headline figures with the quarter before and a year before,
 * eight-quarter series, breakdowns by site, program and sector, the quarter's rounds, targets and
 * space. Every KPI figure comes from the aggregates service, so the dashboard, the board pack and
 * GET /kpi-aggregates (as the same caller) always agree. For a board member the breakdowns are the
 * cells of one protected table (BoardAggregates), and a round is listed only when the organisation
 * publishes its rounds or every figure it feeds is published: listing the rounds behind a withheld
 * total would hand it back. The park's team sees every figure.
 */
@Injectable()
export class BoardQuarterService {
  constructor(
    private readonly repository: BoardQuarterRepository,
    private readonly targetRows: TargetRepository,
    private readonly aggregates: KpiAggregatesService,
    private readonly occupancy: OccupancyService,
    private readonly outcomes: BoardOutcomesService,
  ) {}

  async quarter(
    organisationId: string,
    quarter: string,
    onProgress: (percent: number) => Promise<void> = async () => undefined,
    view: BoardQuarterView = 'board',
  ): Promise<BoardQuarterResponse> {
    const [{ first, ...range }, organisation] = await Promise.all([boardQuarterRange(this.repository, organisationId, quarter), this.repository.organisation(organisationId)]);
    const caller = callerOf(organisationId, view);

    // Oldest first; the last is the quarter itself. A quarter that ends before the organisation's first
    // data has no figures at all ("no data", null), not zeros: nothing is computed for it.
    const quarters = Array.from({ length: SERIES_QUARTERS }, (_, i) => shiftQuarter(quarter, SERIES_QUARTERS - 1 - i));
    const periods = quarters.map((q) => {
      const r = quarterRange(q)!;
      return r.to <= first ? null : r;
    });
    const computed = periods.filter((r): r is { from: string; to: string } => r !== null);
    // The reads run together, on as many pool connections; only a board member's rounds wait for the table
    // (which of their figures are withheld). The rest is computed from the results afterwards, in memory.
    const ytdRange = { from: `${range.from.slice(0, 4)}-01-01`, to: range.to };
    const boardRead = view === 'board' ? this.boardBreakdowns(organisationId, range) : null;
    // A board member's rounds once the table says which of the figures they feed are withheld.
    const roundsRead =
      boardRead && !organisation.boardSeesRounds
        ? boardRead.then(({ table }) => this.repository.closedRounds(organisationId, range, roundsWithheldBy(table)))
        : this.repository.closedRounds(organisationId, range, null);
    const [figures, occupancies, breakdowns, rounds, targetRows, outcomeReads] = await Promise.all([
      this.aggregates.computeQuarters(caller, computed),
      this.occupancy.totalsOn(organisationId, computed.map((r) => dayBefore(r.to))),
      boardRead ?? this.teamBreakdowns(organisationId, range),
      roundsRead,
      this.targetRows.ofYear(organisationId, Number(range.from.slice(0, 4))).then(async (rows) => ({
        rows,
        // The startups behind the year to date only matter against the board's threshold (ytdWithheld).
        ytd: rows.length ? await this.aggregates.yearToDate(organisationId, quarterStartsOf(ytdRange), Math.max(1, view === 'board' ? organisation.boardSuppressionThreshold : 0)) : null,
      })),
      this.outcomes.load(organisationId, quarter, view === 'board' ? organisation.boardSuppressionThreshold : 0),
    ]);
    await onProgress(30);
    const series = periods.map((r) => (r ? figures[computed.indexOf(r)] : null));
    const spaces = periods.map((r) => (r ? occupancies[computed.indexOf(r)] : null));
    const current = series[series.length - 1]!;
    const space = spaces[spaces.length - 1]!;
    await onProgress(70);
    const yearQuarters = series.filter((a): a is KpiAggregatesResponse => a !== null && a.from.slice(0, 4) === range.from.slice(0, 4));
    const targets = this.targets(targetRows.rows, targetRows.ytd, ytdRange, view === 'board' ? yearQuarters : null);
    const headcount = current.headcount === null ? null : Number(current.headcount);
    const figure = (key: HeadlineFigure['key'], pick: (a: KpiAggregatesResponse, i: number) => number | null): HeadlineFigure => {
      const values = series.map((a, i) => (a === null ? null : pick(a, i)));
      return { key, value: values[SERIES_QUARTERS - 1], previousQuarter: values[SERIES_QUARTERS - 2], previousYear: values[SERIES_QUARTERS - 5], series: values };
    };
    const num = (text: string | null) => (text === null ? null : Number(text));
    const response: Omit<BoardQuarterResponse, 'outcomes'> = {
      quarter,
      ...range,
      organisationName: organisation.name,
      computedAt: new Date().toISOString(),
      headline: [
        figure('active_startups', (a) => a.activeStartups),
        figure('jobs_created', (a) => num(a.jobsCreated)),
        figure('headcount', (a) => num(a.headcount)),
        figure('funds_raised_eur', (a) => num(a.fundsRaisedEur)),
        figure('startups_created', (a) => a.startupsCreated),
        figure('occupancy_rate', (_, i) => (spaces[i] ? inPercent(spaces[i].occupancyRate) : null)),
        figure('milestone_completion', (a) => a.milestoneCompletion.rate),
        figure('report_completion', (a) => a.reportCompletion.rate),
      ],
      aggregates: current,
      bySite: breakdowns.bySite,
      byProgram: breakdowns.byProgram,
      bySector: breakdowns.bySector,
      rounds: rounds.listed.map((r) => ({ startupName: r.legalName, kind: r.kind, amountEur: formatMinorUnits(r.cents, 2), closedOn: r.closedOn, lead: r.lead })),
      roundsWithheld: rounds.withheld,
      targets,
      space: {
        leasedM2: space.leasedM2,
        leasableM2: space.leasableM2,
        occupancyRate: inPercent(space.occupancyRate),
        jobsPer100M2: headcount === null || space.leasedM2 === 0 ? null : Math.round((headcount / space.leasedM2) * 1000) / 10,
      },
    };
    // Survival, conversion, figures since the start, long-term targets (board-outcomes.service.ts).
    return { ...response, outcomes: this.outcomes.build(outcomeReads, response) };
  }

  /** The board's breakdowns: cells of the one protected table of the quarter. */
  private async boardBreakdowns(organisationId: string, range: { from: string; to: string }): Promise<Breakdowns & { table: BoardTable }> {
    const table = await this.aggregates.boardTable(organisationId, range);
    const rows = (items: Array<{ id: string; name: string }>, cell: (id: string) => CellId) =>
      items.flatMap((item) => {
        const a = table.cells.get(cell(item.id));
        return a && a.startups > 0 ? [row(item, a)] : [];
      });
    return {
      table,
      bySite: rows(table.sites, (id) => `site:${id}`),
      byProgram: rows(table.programs, (id) => `program:${id}`),
      bySector: rows(SECTORS.map((s) => ({ id: s, name: s })), (id) => `sector:${id}`),
    };
  }

  private async teamBreakdowns(organisationId: string, range: { from: string; to: string }): Promise<Breakdowns & { table: null }> {
    const team = callerOf(organisationId, 'team');
    const breakdown = async (items: Array<{ id: string; name: string }>, filter: (id: string) => Record<string, string>): Promise<BreakdownRow[]> => {
      const result: BreakdownRow[] = [];
      for (const item of items) {
        const a = await this.aggregates.compute(team, { ...range, ...filter(item.id) });
        if (a.startups > 0) result.push(row(item, a));
      }
      return result;
    };
    const sites = await this.repository.sites(organisationId);
    const programs = await this.repository.programs(organisationId);
    return {
      table: null,
      bySite: await breakdown(sites, (siteId) => ({ siteId })),
      byProgram: await breakdown(programs, (programId) => ({ programId })),
      bySector: await breakdown(SECTORS.map((s) => ({ id: s, name: s })), (sector) => ({ sector })),
    };
  }

  /**
   * Year-to-date actual (from 1 January to the quarter's end) against each target set for the quarter's
   * year: the organisation's own figures, from the same closed rounds and validated reports as the
   * aggregates. For a board member (`boardQuarters`: the year's quarters as shown), the year to date is
   * one more cell under the board's suppression rules (disclosure.ts): withheld when fewer than the
   * threshold's startups stand behind it, or when exactly one of its quarters is withheld (year to date −
   * the published quarters would give that quarter back); otherwise it is shown even though a quarter of
   * it is withheld.
   */
  private targets(
    rows: Array<{ key: YearlyTargetKey; value: string }>,
    ytd: YearToDateFigures | null,
    ytdRange: { from: string; to: string },
    boardQuarters: KpiAggregatesResponse[] | null,
  ): BoardQuarterResponse['targets'] {
    if (!rows.length || !ytd) return [];
    const year = Number(ytdRange.from.slice(0, 4));
    const hidden = boardQuarters ? ytdWithheld(ytd, boardQuarters) : new Set<string>();
    const shown = (figure: 'funds' | 'jobs', value: string) => (hidden.has(figure) ? null : value);
    // As the aggregates present them: no jobs reported is 0 jobs, amounts with their cents.
    const actual: Record<YearlyTargetKey, string | null> = {
      jobs_created: shown('jobs', trimZeros(ytd.jobsCreated.total ?? '0')),
      active_startups: String(ytd.activeStartups),
      funds_raised_eur: shown('funds', formatMinorUnits(ytd.funds.cents, 2)),
    };
    return rows.map((r) => ({ key: r.key, year, target: r.value.replace(/\.00$/, ''), actual: actual[r.key] }));
  }
}

/** Which year-to-date figures ('funds', 'jobs') the board's rules withhold, given the year's quarters as a board member sees them. */
export function ytdWithheld(ytd: YearToDateFigures, quarters: KpiAggregatesResponse[]): Set<string> {
  const threshold = quarters[0]?.suppressionThreshold ?? 0;
  const entries = new Map<string, DisclosureEntry>();
  const relations: Relation[] = [];

  const add = (figure: string, own: DisclosureEntry, quarterHidden: (q: KpiAggregatesResponse) => boolean) => {
    entries.set(figure, own);
    const parts = quarters.map((q, i) => {
      const id = `Q${i + 1}|${figure}`;
      entries.set(id, { startups: 1, magnitude: 0, fixed: { hidden: quarterHidden(q) } });
      return id;
    });
    relations.push({ total: figure, parts });
  };
  add('funds', { startups: ytd.funds.startups, magnitude: Number(ytd.funds.cents) }, (q) => q.fundsRaisedEur === null);
  add('jobs', { startups: ytd.jobsCreated.startups, magnitude: Math.abs(Number(ytd.jobsCreated.total ?? 0)) }, (q) => q.jobsCreated === null);
  const hidden = withheld(entries, relations, threshold);
  return new Set(['funds', 'jobs'].filter((figure) => hidden.has(figure)));
}

interface Breakdowns {
  bySite: BreakdownRow[];
  byProgram: BreakdownRow[];
  bySector: BreakdownRow[];
}

function row(item: { id: string; name: string }, a: KpiAggregatesResponse): BreakdownRow {
  return { id: item.id, name: item.name, activeStartups: a.activeStartups, jobsCreated: a.jobsCreated, headcount: a.headcount, fundsRaisedEur: a.fundsRaisedEur };
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The first day of each quarter of a range of whole quarters. */
function quarterStartsOf(range: { from: string; to: string }): string[] {
  const starts: string[] = [];
  for (let q = quarterOf(range.from); quarterRange(q)!.from < range.to; q = shiftQuarter(q, -1)) starts.push(quarterRange(q)!.from);
  return starts;
}
