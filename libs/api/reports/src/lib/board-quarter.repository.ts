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

/** A round closed in the quarter, with what it feeds: its startup's programs and their sites. */
export interface ClosedRound {
  legalName: string;
  sector: string;
  kind: string;
  cents: string;
  closedOn: string;
  lead: string | null;
  programIds: string[];
  siteIds: string[];
}

interface ClosedRoundRow {
  legal_name: string;
  sector: string;
  kind: string;
  cents: string;
  closed_on: string;
  lead: string | null;
  /** The startup's board cells separated by spaces (ids and sector codes have none): cheaper to read than an array. */
  cells: string;
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

  async closedRounds(organisationId: string, range: { from: string; to: string }): Promise<ClosedRound[]> {
    const rows = await this.dataSource.query<ClosedRoundRow[]>(
      // The programs and sites a round feeds are its startup's board cells (startup_board_cells: every
      // program it has an enrollment in, whatever its status, and their sites), kept by the database.
      `SELECT s.legal_name, s.sector, r.kind, r.amount_eur_cents::text AS cents, to_char(r.closed_on, 'YYYY-MM-DD') AS closed_on, i.name AS lead,
              array_to_string(b.cells, ' ') AS cells
       FROM funding_rounds r JOIN startups s ON s.id = r.startup_id JOIN startup_board_cells b ON b.startup_id = s.id
       LEFT JOIN investors i ON i.id = r.lead_investor_id
       WHERE r.organisation_id = $1 AND r.status = 'closed' AND r.closed_on >= $2 AND r.closed_on < $3
       ORDER BY r.closed_on, lower(s.legal_name), r.id`,
      [organisationId, range.from, range.to],
    );
    return rows.map(toClosedRound);
  }
}

function toClosedRound(row: ClosedRoundRow): ClosedRound {
  const cells = row.cells.split(' ');
  const idsOf = (prefix: string) => cells.filter((c) => c.startsWith(prefix)).map((c) => c.slice(prefix.length)).sort();
  return {
    legalName: row.legal_name,
    sector: row.sector,
    kind: row.kind,
    cents: row.cents,
    closedOn: row.closed_on,
    lead: row.lead,
    programIds: idsOf('program:'),
    siteIds: idsOf('site:'),
  };
}
