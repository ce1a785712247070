import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { KpiAggregatesService } from '@incubator/api/kpis';
import { OccupancyService } from '@incubator/api/space';
import { bilingualError, formatMinorUnits, quarterRange, SECTORS, shiftQuarter } from '@incubator/contracts';
import type { BoardQuarterResponse, BreakdownRow, HeadlineFigure, KpiAggregatesResponse, OccupancyResponse, TargetKey } from '@incubator/contracts';

/** Quarters in a sparkline, the current one last. */
export const SERIES_QUARTERS = 8;

/** The view every board figure is computed in: a board member's (small groups suppressed). */
const boardView = (organisationId: string) => ({ organisationId, role: 'board' as const });

/**
 * One quarter as the board sees it: headline figures with the quarter before and a year before,
 * eight-quarter series, breakdowns by site, program and sector, the quarter's rounds, targets and
 * space. Every KPI figure comes from the aggregates service, so the dashboard, the board pack and
 * GET /kpi-aggregates (as a board member) always agree.
 */
@Injectable()
export class BoardQuarterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly aggregates: KpiAggregatesService,
    private readonly occupancy: OccupancyService,
  ) {}

  async quarter(organisationId: string, quarter: string, onProgress: (percent: number) => Promise<void> = async () => undefined): Promise<BoardQuarterResponse> {
    const range = quarterRange(quarter);
    if (!range) throw new BadRequestException(bilingualError({ fr: 'Trimestre invalide.', en: 'Invalid quarter.' }, { quarter: { fr: 'format AAAA-Tn, ex. 2026-Q3', en: 'must be YYYY-Qn, e.g. 2026-Q3' } }));
    const view = boardView(organisationId);
    const [organisation] = await this.dataSource.query('SELECT name FROM organisations WHERE id = $1', [organisationId]);

    // Oldest first; the last is the quarter itself.
    const quarters = Array.from({ length: SERIES_QUARTERS }, (_, i) => shiftQuarter(quarter, SERIES_QUARTERS - 1 - i));
    const series: KpiAggregatesResponse[] = [];
    const spaces: OccupancyResponse[] = [];
    for (const q of quarters) {
      const r = quarterRange(q)!;
      series.push(await this.aggregates.aggregate(view, r));
      spaces.push(await this.occupancy.occupancy(organisationId, dayBefore(r.to)));
    }
    await onProgress(30);
    const current = series[series.length - 1];
    const space = spaces[spaces.length - 1].totals;

    const breakdown = async (rows: Array<{ id: string; name: string }>, filter: (id: string) => Record<string, string>): Promise<BreakdownRow[]> => {
      const result: BreakdownRow[] = [];
      for (const row of rows) {
        const a = await this.aggregates.aggregate(view, { ...range, ...filter(row.id) });
        if (a.startups === 0) continue;
        result.push({ id: row.id, name: row.name, activeStartups: a.activeStartups, jobsCreated: a.jobsCreated, headcount: a.headcount, fundsRaisedEur: a.fundsRaisedEur });
      }
      return result;
    };
    const sites = await this.dataSource.query('SELECT id, name FROM sites WHERE organisation_id = $1 ORDER BY name', [organisationId]);
    const bySite = await breakdown(sites, (siteId) => ({ siteId }));
    await onProgress(45);
    const programs = await this.dataSource.query('SELECT id, name FROM programs WHERE organisation_id = $1 ORDER BY name', [organisationId]);
    const byProgram = await breakdown(programs, (programId) => ({ programId }));
    await onProgress(60);
    const bySector = await breakdown(SECTORS.map((s) => ({ id: s, name: s })), (sector) => ({ sector }));
    await onProgress(70);

    const rounds = await this.dataSource.query(
      `SELECT s.legal_name, r.kind, r.amount_eur_cents::text AS cents, to_char(r.closed_on, 'YYYY-MM-DD') AS closed_on, i.name AS lead
       FROM funding_rounds r JOIN startups s ON s.id = r.startup_id LEFT JOIN investors i ON i.id = r.lead_investor_id
       WHERE r.organisation_id = $1 AND r.status = 'closed' AND r.closed_on >= $2 AND r.closed_on < $3
       ORDER BY r.closed_on, lower(s.legal_name)`,
      [organisationId, range.from, range.to],
    );
    const targets = await this.targets(organisationId, range);
    const headcount = current.headcount === null ? null : Number(current.headcount);
    const figure = (key: HeadlineFigure['key'], pick: (a: KpiAggregatesResponse, i: number) => number | null): HeadlineFigure => {
      const values = series.map(pick);
      return { key, value: values[SERIES_QUARTERS - 1], previousQuarter: values[SERIES_QUARTERS - 2], previousYear: values[SERIES_QUARTERS - 5], series: values };
    };
    const num = (text: string | null) => (text === null ? null : Number(text));
    return {
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
        figure('occupancy_rate', (_, i) => spaces[i].totals.occupancyRate),
        figure('milestone_completion', (a) => a.milestoneCompletion.rate),
        figure('report_completion', (a) => a.reportCompletion.rate),
      ],
      aggregates: current,
      bySite,
      byProgram,
      bySector,
      rounds: rounds.map((r: Record<string, string | null>) => ({ startupName: r['legal_name'], kind: r['kind'], amountEur: formatMinorUnits(r['cents'] as string, 2), closedOn: r['closed_on'], lead: r['lead'] })),
      targets,
      space: {
        leasedM2: space.leasedM2,
        leasableM2: space.leasableM2,
        occupancyRate: space.occupancyRate,
        jobsPer100M2: headcount === null || space.leasedM2 === 0 ? null : Math.round((headcount / space.leasedM2) * 1000) / 10,
      },
    };
  }

  /** Year-to-date actual (from 1 January to the quarter's end) against each target set for the quarter's year. */
  private async targets(organisationId: string, range: { from: string; to: string }): Promise<BoardQuarterResponse['targets']> {
    const year = Number(range.from.slice(0, 4));
    const rows: Array<{ key: TargetKey; value: string }> = await this.dataSource.query(
      'SELECT key, value::text FROM organisation_targets WHERE organisation_id = $1 AND year = $2 ORDER BY key',
      [organisationId, year],
    );
    if (!rows.length) return [];
    const ytd = await this.aggregates.aggregate(boardView(organisationId), { from: `${year}-01-01`, to: range.to });
    const actual: Record<TargetKey, string | null> = {
      jobs_created: ytd.jobsCreated,
      active_startups: String(ytd.activeStartups),
      funds_raised_eur: ytd.fundsRaisedEur,
    };
    return rows.map((r) => ({ key: r.key, year, target: r.value.replace(/\.00$/, ''), actual: actual[r.key] }));
  }
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
