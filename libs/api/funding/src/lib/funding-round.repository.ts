import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Caller } from '@incubator/api/identity';
import { CURRENCY_MINOR_UNITS, formatMinorUnits } from '@incubator/contracts';
import type { Currency, FundingRoundListQuery, FundingRoundResponse, RoundKind, RoundStatus } from '@incubator/contracts';
import { Queryable, SqlFilter } from '@incubator/api/sql';

const SELECT = `
  SELECT r.*, s.legal_name AS startup_name,
         coalesce((SELECT json_agg(json_build_object('id', i.id, 'name', i.name, 'kind', i.kind) ORDER BY lower(i.name))
                   FROM funding_round_investors ri JOIN investors i ON i.id = ri.investor_id WHERE ri.round_id = r.id), '[]') AS investors
  FROM funding_rounds r JOIN startups s ON s.id = r.startup_id`;

/** Who reads rounds: the organisation scopes them, a startup member sees their own, a board member no valuation. */
export type RoundViewer = Pick<Caller, 'organisationId' | 'role' | 'startupId'>;

/** A round as stored: every field resolved, money in minor units. */
export interface RoundRecord {
  kind: RoundKind;
  status: RoundStatus;
  currency: Currency;
  amountMinor: bigint;
  eurRate: string;
  amountEurCents: bigint;
  announcedOn: string | null;
  closedOn: string | null;
  investorIds: string[];
  leadInvestorId: string | null;
  preMoneyMinor: bigint | null;
}

interface RoundRow {
  id: string;
  organisation_id: string;
  startup_id: string;
  startup_name: string;
  kind: RoundKind;
  status: RoundStatus;
  currency: Currency;
  /** bigint and numeric columns come back as strings. */
  amount_minor: string;
  /** numeric(18,8), e.g. "0.92000000". */
  eur_rate: string;
  amount_eur_cents: string;
  announced_on: string | null;
  closed_on: string | null;
  lead_investor_id: string | null;
  pre_money_minor: string | null;
  investors: FundingRoundResponse['investors'];
  updated_at: Date;
}

interface TotalRow {
  total: number;
}

interface IdRow {
  id: string;
}

interface PreMoneyRow {
  pre_money_minor: string | null;
}

/** Every statement on `funding_rounds` and `funding_round_investors`. */
@Injectable()
export class FundingRoundRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(viewer: RoundViewer, query: FundingRoundListQuery & { limit: number; offset: number }): Promise<{ items: FundingRoundResponse[]; total: number }> {
    const filter = this.filter(viewer, query);
    const [{ total }] = await this.dataSource.query<TotalRow[]>(`SELECT count(*)::int AS total FROM funding_rounds r WHERE ${filter.where}`, filter.params);
    const [limit, offset] = [filter.placeholder(query.limit), filter.placeholder(query.offset)];
    const rows = await this.dataSource.query<RoundRow[]>(
      `${SELECT} WHERE ${filter.where} ORDER BY coalesce(r.closed_on, r.announced_on) DESC NULLS FIRST, r.created_at DESC, r.id LIMIT ${limit} OFFSET ${offset}`,
      filter.params,
    );
    return { items: rows.map((row) => toRound(row, viewer)), total };
  }

  /** Every match, up to `cap`. */
  async all(viewer: RoundViewer, query: FundingRoundListQuery, cap: number): Promise<FundingRoundResponse[]> {
    const filter = this.filter(viewer, query);
    const limit = filter.placeholder(cap);
    const rows = await this.dataSource.query<RoundRow[]>(`${SELECT} WHERE ${filter.where} ORDER BY r.closed_on DESC NULLS FIRST, r.id LIMIT ${limit}`, filter.params);
    return rows.map((row) => toRound(row, viewer));
  }

  async find(viewer: RoundViewer, id: string): Promise<FundingRoundResponse | null> {
    const filter = this.filter(viewer, {}).add('r.id = ?', id);
    const [row] = await this.dataSource.query<RoundRow[]>(`${SELECT} WHERE ${filter.where}`, filter.params);
    return row ? toRound(row, viewer) : null;
  }

  async insert(db: Queryable, organisationId: string, startupId: string, record: RoundRecord): Promise<string> {
    const [row] = await db.query<IdRow[]>(
      `INSERT INTO funding_rounds (organisation_id, startup_id, kind, status, currency, amount_minor, eur_rate, amount_eur_cents,
                                   announced_on, closed_on, lead_investor_id, pre_money_minor)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [organisationId, startupId, ...columns(record)],
    );
    return row.id;
  }

  /** Locks the round (two concurrent edits apply one after the other) and returns its pre-money valuation in minor units. */
  async lock(db: Queryable, id: string): Promise<string | null> {
    const [row] = await db.query<PreMoneyRow[]>('SELECT pre_money_minor FROM funding_rounds WHERE id = $1 FOR UPDATE', [id]);
    return row.pre_money_minor;
  }

  async update(db: Queryable, id: string, record: RoundRecord): Promise<void> {
    await db.query(
      `UPDATE funding_rounds SET kind = $2, status = $3, currency = $4, amount_minor = $5, eur_rate = $6, amount_eur_cents = $7,
              announced_on = $8, closed_on = $9, lead_investor_id = $10, pre_money_minor = $11, updated_at = now()
       WHERE id = $1`,
      [id, ...columns(record)],
    );
  }

  /** The round's investors become exactly these. */
  async setInvestors(db: Queryable, roundId: string, investorIds: string[], replace: boolean): Promise<void> {
    if (replace) await db.query('DELETE FROM funding_round_investors WHERE round_id = $1', [roundId]);
    if (!investorIds.length) return;
    await db.query('INSERT INTO funding_round_investors (round_id, investor_id) SELECT $1, unnest($2::uuid[])', [roundId, investorIds]);
  }

  private filter(viewer: RoundViewer, query: FundingRoundListQuery): SqlFilter {
    const filter = new SqlFilter().add('r.organisation_id = ?', viewer.organisationId);
    if (viewer.role === 'startup') filter.add('r.startup_id = ?', viewer.startupId);
    // A board member sees one startup's round only where the organisation publishes its rounds: otherwise
    // the list would add up to the funds raised the board's figures withhold (see BoardQuarterService).
    if (viewer.role === 'board') filter.add('EXISTS (SELECT 1 FROM organisations o WHERE o.id = r.organisation_id AND o.board_sees_rounds)');
    return filter
      .addIf(query.startupId, 'r.startup_id = ?')
      .addIf(query.status, 'r.status = ?')
      .addIf(query.kind, 'r.kind = ?')
      .addIf(query.closedFrom, 'r.closed_on >= ?')
      .addIf(query.closedTo, 'r.closed_on < ?');
  }
}

function columns(r: RoundRecord): unknown[] {
  return [r.kind, r.status, r.currency, String(r.amountMinor), r.eurRate, String(r.amountEurCents), r.announcedOn, r.closedOn, r.leadInvestorId, r.preMoneyMinor === null ? null : String(r.preMoneyMinor)];
}

function toRound(row: RoundRow, viewer: RoundViewer): FundingRoundResponse {
  const currency = row.currency;
  const minorUnits = CURRENCY_MINOR_UNITS[currency] ?? 2;
  const preMoney = row.pre_money_minor;
  const hideValuation = viewer.role === 'board';
  const cents = BigInt(row.amount_eur_cents);
  return {
    id: row.id,
    startupId: row.startup_id,
    startupName: row.startup_name,
    kind: row.kind,
    status: row.status,
    currency,
    amount: formatMinorUnits(row.amount_minor, minorUnits),
    eurRate: normaliseRate(row.eur_rate),
    amountEur: formatMinorUnits(cents, 2),
    amountEurCents: Number(cents),
    announcedOn: row.announced_on,
    closedOn: row.closed_on,
    investors: row.investors,
    leadInvestorId: row.lead_investor_id,
    preMoneyValuation: preMoney === null || hideValuation ? null : formatMinorUnits(preMoney, minorUnits),
    valuationHidden: preMoney !== null && hideValuation,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** numeric(18,8) comes back as "0.92000000": drop the trailing zeros ("0.92", "1"). */
function normaliseRate(rate: string): string {
  return rate.includes('.') ? rate.replace(/0+$/, '').replace(/\.$/, '') : rate;
}
