import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { DomainError } from '@incubator/api/errors';
import type { Caller } from '@incubator/api/identity';
import { organisationToday } from '@incubator/api/organisations';
import { assertStartupVisible } from '@incubator/api/startups';
import { CURRENCY_MINOR_UNITS, eurCents, formatMinorUnits, parseMinorUnits } from '@incubator/contracts';
import type { CreateFundingRoundRequest, FundingRoundListQuery, FundingRoundResponse, PageResponse, UpdateFundingRoundRequest } from '@incubator/contracts';
import { FundingErrors, invalidRound } from './funding.errors';
import { FundingRoundRepository, RoundRecord } from './funding-round.repository';
import { InvestorRepository } from './investor.repository';

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
    private readonly rounds: FundingRoundRepository,
    private readonly investors: InvestorRepository,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller, query: FundingRoundListQuery & { limit: number; offset: number }): Promise<PageResponse<FundingRoundResponse>> {
    const { items, total } = await this.rounds.page(caller, query);
    return { items, total, limit: query.limit, offset: query.offset };
  }

  /** Every round matching the filters, for CSV/XLSX export (bounded). */
  listAll(caller: Caller, query: FundingRoundListQuery, cap = 100_000): Promise<FundingRoundResponse[]> {
    return this.rounds.all(caller, query, cap);
  }

  async get(caller: Caller, id: string): Promise<FundingRoundResponse> {
    const round = await this.rounds.find(caller, id);
    if (!round) throw FundingErrors.round_not_found();
    return round;
  }

  async create(caller: Caller, startupId: string, request: CreateFundingRoundRequest): Promise<FundingRoundResponse> {
    await assertStartupVisible(this.dataSource, caller, startupId);
    const id = await this.dataSource.transaction(async (manager) => {
      const record = await this.resolve(manager, caller, request);
      const id = await this.rounds.insert(manager, caller.organisationId, startupId, record);
      await this.rounds.setInvestors(manager, id, record.investorIds, false);
      await this.audit.recordBy(manager, caller, { action: 'funding_round.created', entityType: 'funding_round', entityId: id, before: null, after: auditable(record) });
      return id;
    });
    return this.get(caller, id);
  }

  async update(caller: Caller, id: string, change: UpdateFundingRoundRequest): Promise<FundingRoundResponse> {
    const before = await this.get(caller, id);
    await this.dataSource.transaction(async (manager) => {
      // Lock the round so two concurrent edits apply one after the other.
      const preMoneyMinor = await this.rounds.lock(manager, id);
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
        preMoneyValuation: preMoneyMinor === null ? undefined : formatMinorUnits(preMoneyMinor, CURRENCY_MINOR_UNITS[before.currency]),
        ...change,
      };
      // A new currency needs its own rate; EUR forgets the old one.
      if (change.currency && change.currency !== before.currency && change.eurRate === undefined) merged.eurRate = undefined;
      const record = await this.resolve(manager, caller, merged);
      await this.rounds.update(manager, id, record);
      await this.rounds.setInvestors(manager, id, record.investorIds, true);
      const previous = { kind: before.kind, status: before.status, currency: before.currency, amount: before.amount, eurRate: before.eurRate, announcedOn: before.announcedOn, closedOn: before.closedOn, investorIds: merged.investorIds, leadInvestorId: before.leadInvestorId };
      await this.audit.recordBy(manager, caller, { action: 'funding_round.updated', entityType: 'funding_round', entityId: id, before: previous, after: auditable(record) });
    });
    return this.get(caller, id);
  }

  /** Checks what a DTO cannot check alone (dates against today, rates against the currency, investors) and computes the EUR value. */
  private async resolve(manager: EntityManager, caller: Caller, request: CreateFundingRoundRequest): Promise<RoundRecord> {
    // One problem per field (a later check of the same field replaces an earlier one).
    const problems: Record<string, DomainError> = {};
    const minorUnits = CURRENCY_MINOR_UNITS[request.currency];
    const amountMinor = parseMinorUnits(request.amount, minorUnits);
    if (amountMinor === null || amountMinor <= 0n) problems['amount'] = FundingErrors.amount_invalid({ minorUnits });
    const preMoneyMinor = request.preMoneyValuation === undefined ? null : parseMinorUnits(request.preMoneyValuation, minorUnits);
    if (request.preMoneyValuation !== undefined && (preMoneyMinor === null || preMoneyMinor <= 0n)) problems['preMoneyValuation'] = FundingErrors.valuation_invalid({ minorUnits });
    let eurRate = request.eurRate;
    if (request.currency === 'EUR') {
      if (eurRate !== undefined && Number(eurRate) !== 1) problems['eurRate'] = FundingErrors.euro_rate_not_one();
      eurRate = '1';
    } else if (eurRate === undefined || Number(eurRate) <= 0) {
      problems['eurRate'] = FundingErrors.rate_required();
    }
    // The EUR value is computed here, so its column's bound too (the DTO checks it only when the body holds every operand).
    if (amountMinor && eurRate !== undefined && !problems['amount'] && !problems['eurRate'] && eurCents(amountMinor, minorUnits, eurRate) > 9_223_372_036_854_775_807n) {
      problems['amount'] = FundingErrors.amount_too_large();
    }
    const today = await organisationToday(manager, caller.organisationId);
    if (request.status === 'closed' && !request.closedOn) problems['closedOn'] = FundingErrors.closing_date_required();
    if (request.closedOn && request.status !== 'closed') problems['closedOn'] = FundingErrors.closing_date_unexpected();
    if (request.closedOn && request.closedOn > today) problems['closedOn'] = FundingErrors.closing_date_in_future();
    if (request.announcedOn && request.status !== 'planned' && request.announcedOn > today) problems['announcedOn'] = FundingErrors.announcement_in_future();
    if (request.announcedOn && request.closedOn && request.closedOn < request.announcedOn) problems['closedOn'] = FundingErrors.closes_before_announcement();
    const investorIds = [...new Set([...(request.investorIds ?? []), ...(request.leadInvestorId ? [request.leadInvestorId] : [])])];
    if (investorIds.length && (await this.investors.known(manager, caller.organisationId, investorIds)).length !== investorIds.length) {
      problems['investorIds'] = FundingErrors.investor_unknown();
    }
    // (A null amount or a missing rate is always among the problems; the test says so to the compiler.)
    if (Object.keys(problems).length || amountMinor === null || eurRate === undefined) throw invalidRound(Object.values(problems));
    return {
      kind: request.kind,
      status: request.status,
      currency: request.currency,
      amountMinor,
      eurRate,
      amountEurCents: eurCents(amountMinor, minorUnits, eurRate),
      announcedOn: request.announcedOn ?? null,
      closedOn: request.closedOn ?? null,
      investorIds,
      leadInvestorId: request.leadInvestorId ?? null,
      preMoneyMinor,
    };
  }
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
