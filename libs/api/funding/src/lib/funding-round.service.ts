import { organisationToday } from '@incubator/api/organisations';
import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import { assertStartupVisible } from '@incubator/api/startups';
import { SqlFilter } from '@incubator/api/sql';
import { bilingualError, CURRENCY_MINOR_UNITS, eurCents, formatMinorUnits, parseMinorUnits } from '@incubator/contracts';
import type {
  Bilingual,
  CreateFundingRoundRequest,
  Currency,
  FundingRoundListQuery,
  FundingRoundResponse,
  PageResponse,
  UpdateFundingRoundRequest,
} from '@incubator/contracts';

const SELECT = `
  SELECT r.*, s.legal_name AS startup_name,
         coalesce((SELECT json_agg(json_build_object('id', i.id, 'name', i.name, 'kind', i.kind) ORDER BY lower(i.name))
                   FROM funding_round_investors ri JOIN investors i ON i.id = ri.investor_id WHERE ri.round_id = r.id), '[]') AS investors
  FROM funding_rounds r JOIN startups s ON s.id = r.startup_id`;

/** A round as stored: every field resolved, money in minor units. */
interface RoundRecord {
  kind: string;
  status: string;
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

/**
 * Funding rounds: the single source of "funds raised". Amounts are integers of the currency's minor
 * unit, the EUR value is integer cents computed once from the rate stored with the round.
 * Startup members see and write their own startup's rounds; board members never see valuations, and
 * see rounds at all only when their organisation publishes them (organisations.board_sees_rounds).
 */
@Injectable()
export class FundingRoundService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller, query: FundingRoundListQuery & { limit: number; offset: number }): Promise<PageResponse<FundingRoundResponse>> {
    const filter = this.filter(caller, query);
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM funding_rounds r WHERE ${filter.where}`, filter.params);
    const [limit, offset] = [filter.placeholder(query.limit), filter.placeholder(query.offset)];
    const rows = await this.dataSource.query(
      `${SELECT} WHERE ${filter.where} ORDER BY coalesce(r.closed_on, r.announced_on) DESC NULLS FIRST, r.created_at DESC, r.id LIMIT ${limit} OFFSET ${offset}`,
      filter.params,
    );
    return { items: rows.map((row: Record<string, unknown>) => toResponse(row, caller)), total, limit: query.limit, offset: query.offset };
  }

  /** Every round matching the filters, for CSV/XLSX export (bounded). */
  async listAll(caller: Caller, query: FundingRoundListQuery, cap = 100_000): Promise<FundingRoundResponse[]> {
    const filter = this.filter(caller, query);
    const limit = filter.placeholder(cap);
    const rows = await this.dataSource.query(`${SELECT} WHERE ${filter.where} ORDER BY r.closed_on DESC NULLS FIRST, r.id LIMIT ${limit}`, filter.params);
    return rows.map((row: Record<string, unknown>) => toResponse(row, caller));
  }

  async get(caller: Caller, id: string): Promise<FundingRoundResponse> {
    const filter = this.filter(caller, {}).add('r.id = ?', id);
    const [row] = await this.dataSource.query(`${SELECT} WHERE ${filter.where}`, filter.params);
    if (!row) throw new NotFoundException('No such funding round');
    return toResponse(row, caller);
  }

  async create(caller: Caller, startupId: string, request: CreateFundingRoundRequest): Promise<FundingRoundResponse> {
    await assertStartupVisible(this.dataSource, caller, startupId);
    const id = await this.dataSource.transaction(async (manager) => {
      const record = await this.resolve(manager, caller, request);
      const [row] = await manager.query(
        `INSERT INTO funding_rounds (organisation_id, startup_id, kind, status, currency, amount_minor, eur_rate, amount_eur_cents,
                                     announced_on, closed_on, lead_investor_id, pre_money_minor)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [caller.organisationId, startupId, ...columns(record)],
      );
      await this.setInvestors(manager, row.id, record.investorIds);
      await this.audit.recordBy(manager, caller, { action: 'funding_round.created', entityType: 'funding_round', entityId: row.id, before: null, after: auditable(record) });
      return row.id as string;
    });
    return this.get(caller, id);
  }

  async update(caller: Caller, id: string, change: UpdateFundingRoundRequest): Promise<FundingRoundResponse> {
    const before = await this.get(caller, id);
    await this.dataSource.transaction(async (manager) => {
      // Lock the round so two concurrent edits apply one after the other.
      const [locked] = await manager.query('SELECT pre_money_minor FROM funding_rounds WHERE id = $1 FOR UPDATE', [id]);
      const merged: CreateFundingRoundRequest = {
        kind: before.kind,
        status: before.status,
        currency: before.currency,
        amount: before.amount,
        eurRate: before.eurRate,
        announcedOn: before.announcedOn ?? undefined,
        closedOn: before.closedOn ?? undefined,
        investorIds: before.investors.map((i) => i.id),
        leadInvestorId: before.leadInvestorId ?? undefined,
        preMoneyValuation: locked.pre_money_minor === null ? undefined : formatMinorUnits(locked.pre_money_minor, CURRENCY_MINOR_UNITS[before.currency]),
        ...change,
      };
      // A new currency needs its own rate; EUR forgets the old one.
      if (change.currency && change.currency !== before.currency && change.eurRate === undefined) merged.eurRate = undefined;
      const record = await this.resolve(manager, caller, merged);
      await manager.query(
        `UPDATE funding_rounds SET kind = $2, status = $3, currency = $4, amount_minor = $5, eur_rate = $6, amount_eur_cents = $7,
                announced_on = $8, closed_on = $9, lead_investor_id = $10, pre_money_minor = $11, updated_at = now()
         WHERE id = $1`,
        [id, ...columns(record)],
      );
      await manager.query('DELETE FROM funding_round_investors WHERE round_id = $1', [id]);
      await this.setInvestors(manager, id, record.investorIds);
      const previous = { kind: before.kind, status: before.status, currency: before.currency, amount: before.amount, eurRate: before.eurRate, announcedOn: before.announcedOn, closedOn: before.closedOn, investorIds: merged.investorIds, leadInvestorId: before.leadInvestorId };
      await this.audit.recordBy(manager, caller, { action: 'funding_round.updated', entityType: 'funding_round', entityId: id, before: previous, after: auditable(record) });
    });
    return this.get(caller, id);
  }

  /** Checks what a DTO cannot check alone (dates against today, rates against the currency, investors) and computes the EUR value. */
  private async resolve(manager: EntityManager, caller: Caller, request: CreateFundingRoundRequest): Promise<RoundRecord> {
    const problems: Record<string, Bilingual> = {};
    const minorUnits = CURRENCY_MINOR_UNITS[request.currency];
    const amountMinor = parseMinorUnits(request.amount, minorUnits);
    if (amountMinor === null || amountMinor <= 0n) {
      problems['amount'] = { fr: `montant positif avec au plus ${minorUnits} décimales attendu`, en: `amount must be positive with at most ${minorUnits} decimals` };
    }
    const preMoneyMinor = request.preMoneyValuation === undefined ? null : parseMinorUnits(request.preMoneyValuation, minorUnits);
    if (request.preMoneyValuation !== undefined && (preMoneyMinor === null || preMoneyMinor <= 0n)) {
      problems['preMoneyValuation'] = { fr: `valorisation positive avec au plus ${minorUnits} décimales attendue`, en: `valuation must be positive with at most ${minorUnits} decimals` };
    }
    let eurRate = request.eurRate;
    if (request.currency === 'EUR') {
      if (eurRate !== undefined && Number(eurRate) !== 1) problems['eurRate'] = { fr: 'le taux d’un tour en euros vaut 1', en: 'a euro round has a rate of 1' };
      eurRate = '1';
    } else if (eurRate === undefined || Number(eurRate) <= 0) {
      problems['eurRate'] = { fr: 'taux de change vers l’euro requis (date de clôture)', en: 'the EUR exchange rate (at the closing date) is required' };
    }
    // The EUR value is computed here, so its column's bound too (the DTO checks it only when the body holds every operand).
    if (amountMinor && eurRate !== undefined && !problems['amount'] && !problems['eurRate'] && eurCents(amountMinor, minorUnits, eurRate) > 9_223_372_036_854_775_807n) {
      problems['amount'] = { fr: 'montant × taux trop grand : la valeur en euros dépasse la limite', en: 'amount × eurRate is too large: the EUR value exceeds the limit' };
    }
    const today = await organisationToday(manager, caller.organisationId);
    if (request.status === 'closed' && !request.closedOn) problems['closedOn'] = { fr: 'date de clôture requise pour un tour clôturé', en: 'a closed round needs its closing date' };
    if (request.closedOn && request.status !== 'closed') problems['closedOn'] = { fr: 'seul un tour clôturé a une date de clôture', en: 'only a closed round has a closing date' };
    if (request.closedOn && request.closedOn > today) problems['closedOn'] = { fr: 'la date de clôture ne peut pas être dans le futur', en: 'the closing date cannot be in the future' };
    if (request.announcedOn && request.status !== 'planned' && request.announcedOn > today) {
      problems['announcedOn'] = { fr: 'la date d’annonce ne peut pas être dans le futur', en: 'the announcement date cannot be in the future' };
    }
    if (request.announcedOn && request.closedOn && request.closedOn < request.announcedOn) {
      problems['closedOn'] = { fr: 'la clôture ne peut précéder l’annonce', en: 'the round cannot close before it is announced' };
    }
    const investorIds = [...new Set([...(request.investorIds ?? []), ...(request.leadInvestorId ? [request.leadInvestorId] : [])])];
    if (investorIds.length) {
      const known = await manager.query('SELECT id FROM investors WHERE organisation_id = $1 AND id = ANY($2::uuid[])', [caller.organisationId, investorIds]);
      if (known.length !== investorIds.length) problems['investorIds'] = { fr: 'investisseur inconnu dans l’annuaire', en: 'unknown investor in the directory' };
    }
    if (Object.keys(problems).length) {
      throw new BadRequestException(bilingualError({ fr: 'Le tour de financement contient des champs invalides.', en: 'The funding round has invalid fields.' }, problems));
    }
    return {
      kind: request.kind,
      status: request.status,
      currency: request.currency,
      amountMinor: amountMinor!,
      eurRate: eurRate!,
      amountEurCents: eurCents(amountMinor!, minorUnits, eurRate!),
      announcedOn: request.announcedOn ?? null,
      closedOn: request.closedOn ?? null,
      investorIds,
      leadInvestorId: request.leadInvestorId ?? null,
      preMoneyMinor,
    };
  }

  private async setInvestors(manager: EntityManager, roundId: string, investorIds: string[]): Promise<void> {
    if (!investorIds.length) return;
    await manager.query('INSERT INTO funding_round_investors (round_id, investor_id) SELECT $1, unnest($2::uuid[])', [roundId, investorIds]);
  }

  private filter(caller: Caller, query: FundingRoundListQuery): SqlFilter {
    const filter = new SqlFilter().add('r.organisation_id = ?', caller.organisationId);
    if (caller.role === 'startup') filter.add('r.startup_id = ?', caller.startupId);
    // A board member sees one startup's round only where the organisation publishes its rounds: otherwise
    // the list would add up to the funds raised the board's figures withhold (see BoardQuarterService).
    if (caller.role === 'board') filter.add('EXISTS (SELECT 1 FROM organisations o WHERE o.id = r.organisation_id AND o.board_sees_rounds)');
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

function auditable(r: RoundRecord): Record<string, unknown> {
  const minorUnits = CURRENCY_MINOR_UNITS[r.currency];
  return {
    kind: r.kind,
    status: r.status,
    currency: r.currency,
    amount: formatMinorUnits(r.amountMinor, minorUnits),
    eurRate: r.eurRate,
    announcedOn: r.announcedOn,
    closedOn: r.closedOn,
    investorIds: r.investorIds,
    leadInvestorId: r.leadInvestorId,
    preMoneyValuation: r.preMoneyMinor === null ? null : formatMinorUnits(r.preMoneyMinor, minorUnits),
  };
}

function toResponse(row: Record<string, unknown>, caller: Caller): FundingRoundResponse {
  const currency = (row['currency'] as string) as Currency;
  const minorUnits = CURRENCY_MINOR_UNITS[currency] ?? 2;
  const preMoney = row['pre_money_minor'] as string | null;
  const hideValuation = caller.role === 'board';
  const cents = BigInt(row['amount_eur_cents'] as string);
  return {
    id: row['id'] as string,
    startupId: row['startup_id'] as string,
    startupName: row['startup_name'] as string,
    kind: row['kind'] as FundingRoundResponse['kind'],
    status: row['status'] as FundingRoundResponse['status'],
    currency,
    amount: formatMinorUnits(row['amount_minor'] as string, minorUnits),
    eurRate: normaliseRate(row['eur_rate'] as string),
    amountEur: formatMinorUnits(cents, 2),
    amountEurCents: Number(cents),
    announcedOn: (row['announced_on'] as string | null) ?? null,
    closedOn: (row['closed_on'] as string | null) ?? null,
    investors: row['investors'] as FundingRoundResponse['investors'],
    leadInvestorId: (row['lead_investor_id'] as string | null) ?? null,
    preMoneyValuation: preMoney === null || hideValuation ? null : formatMinorUnits(preMoney, minorUnits),
    valuationHidden: preMoney !== null && hideValuation,
    updatedAt: (row['updated_at'] as Date).toISOString(),
  };
}

/** numeric(18,8) comes back as "0.92000000": drop the trailing zeros ("0.92", "1"). */
function normaliseRate(rate: string): string {
  return rate.includes('.') ? rate.replace(/0+$/, '').replace(/\.$/, '') : rate;
}
