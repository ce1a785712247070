import { organisationToday } from '@incubator/api/organisations';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Queryable } from '@incubator/api/sql';

/** What a board quarter says of the organisation. */
export interface BoardOrganisation {
  name: string;
  boardSeesRounds: boolean;
  /** Fewer startups than this behind a figure: withheld from the board (disclosure.ts). */
  boardSuppressionThreshold: number;
}

interface BoardOrganisationRow {
  name: string;
  board_sees_rounds: boolean;
  board_suppression_threshold: number;
}

export interface NamedItem {
  id: string;
  name: string;
}

/** A round closed in the quarter that the caller may see listed. */
export interface ClosedRound {
  legalName: string;
  kind: string;
  cents: string;
  closedOn: string;
  lead: string | null;
}

/**
 * The board figures a round feeds that are withheld: each cell where the quarter's funds raised are, and
 * each (kind, cell) where the rounds of that kind are. A round is withheld when any cell of its startup is
 * in either (its sector, sites, programs, the organisation; 'unassigned' when enrolled nowhere).
 */
export interface WithheldRoundFigures {
  fundsIn: string[];
  kindsIn: Array<{ kind: string; cell: string }>;
}

interface ListedRoundRow {
  legal_name: string;
  kind: string;
  cents: string;
  closed_on: string;
  lead: string | null;
  withheld: null;
}

/** The last row: how many rounds are withheld. */
interface WithheldRoundsRow {
  withheld: number;
}

/** The statements behind a board quarter that are not KPI aggregates nor occupancy (those come from their domains). */
@Injectable()
export class BoardQuarterRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Today in the organisation's time zone (YYYY-MM-DD). */
  today(organisationId: string, db: Queryable = this.dataSource): Promise<string> {
    return organisationToday(db, organisationId);
  }

  /** The day of the organisation's first data: its creation, first cohort, report, round or lease (null: none). */
  async firstDataDay(organisationId: string, db: Queryable = this.dataSource): Promise<string | null> {
    const [{ first }] = await db.query<Array<{ first: string | null }>>(
      `SELECT to_char(least(
         (SELECT (created_at AT TIME ZONE time_zone)::date FROM organisations WHERE id = $1),
         (SELECT min(starts_on) FROM cohorts WHERE organisation_id = $1),
         (SELECT min(period_start) FROM kpi_reports WHERE organisation_id = $1),
         (SELECT min(closed_on) FROM funding_rounds WHERE organisation_id = $1),
         (SELECT min(starts_on) FROM leases WHERE organisation_id = $1)), 'YYYY-MM-DD') AS first`,
      [organisationId],
    );
    return first;
  }

  // TODO(organisations): OrganisationRepository.find once the organisations domain has it.
  async organisation(organisationId: string): Promise<BoardOrganisation> {
    const [row] = await this.dataSource.query<BoardOrganisationRow[]>(
      'SELECT name, board_sees_rounds, board_suppression_threshold FROM organisations WHERE id = $1',
      [organisationId],
    );
    return { name: row.name, boardSeesRounds: row.board_sees_rounds, boardSuppressionThreshold: row.board_suppression_threshold };
  }

  sites(organisationId: string): Promise<NamedItem[]> {
    return this.dataSource.query<NamedItem[]>('SELECT id, name FROM sites WHERE organisation_id = $1 ORDER BY name', [organisationId]);
  }

  programs(organisationId: string): Promise<NamedItem[]> {
    return this.dataSource.query<NamedItem[]>('SELECT id, name FROM programs WHERE organisation_id = $1 ORDER BY name', [organisationId]);
  }

  /**
   * The quarter's closed rounds, in order, but those withheld (`withheld`: none when null), which are only
   * counted. What a round feeds is its startup's board cells (startup_board_cells: the organisation, its
   * sector, every program it has an enrollment in, whatever its status, and their sites), kept by the database.
   */
  async closedRounds(
    organisationId: string,
    range: { from: string; to: string },
    withheld: WithheldRoundFigures | null,
  ): Promise<{ listed: ClosedRound[]; withheld: number }> {
    const rows = await this.dataSource.query<Array<ListedRoundRow | WithheldRoundsRow>>(
      `WITH rounds AS (
         SELECT r.id, r.kind, r.amount_eur_cents, r.closed_on, r.startup_id, r.lead_investor_id,
                EXISTS (SELECT 1 FROM unnest(b.cells) c (cell) WHERE c.cell = ANY($4::text[]) OR r.kind || ' ' || c.cell = ANY($5::text[])) AS withheld
         FROM funding_rounds r JOIN startup_board_cells b ON b.startup_id = r.startup_id
         WHERE r.organisation_id = $1 AND r.status = 'closed' AND r.closed_on >= $2 AND r.closed_on < $3)
       SELECT s.legal_name, r.kind, r.amount_eur_cents::text AS cents, to_char(r.closed_on, 'YYYY-MM-DD') AS closed_on, i.name AS lead,
              NULL::int AS withheld, row_number() OVER (ORDER BY r.closed_on, lower(s.legal_name), r.id) AS ordinal
       FROM rounds r JOIN startups s ON s.id = r.startup_id LEFT JOIN investors i ON i.id = r.lead_investor_id
       WHERE NOT r.withheld
       UNION ALL SELECT NULL, NULL, NULL, NULL, NULL, count(*) FILTER (WHERE withheld)::int, NULL FROM rounds
       ORDER BY ordinal NULLS LAST`,
      [organisationId, range.from, range.to, withheld?.fundsIn ?? [], withheld?.kindsIn.map(({ kind, cell }) => `${kind} ${cell}`) ?? []],
    );
    const listed = rows.filter((row): row is ListedRoundRow => row.withheld === null);
    return { listed: listed.map(toClosedRound), withheld: rows.reduce((count, row) => count + (row.withheld ?? 0), 0) };
  }
}

function toClosedRound(row: ListedRoundRow): ClosedRound {
  return { legalName: row.legal_name, kind: row.kind, cents: row.cents, closedOn: row.closed_on, lead: row.lead };
}
