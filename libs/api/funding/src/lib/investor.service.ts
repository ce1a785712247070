import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import type { CreateInvestorRequest, InvestorResponse } from '@incubator/contracts';
import { isUniqueViolation } from '@incubator/api/sql';
import { FundingErrors } from './funding.errors';
import { InvestorRepository } from './investor.repository';

/** The organisation's investor directory, shared by its startups' rounds. */
@Injectable()
export class InvestorService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly investors: InvestorRepository,
    private readonly audit: AuditService,
  ) {}

  list(caller: Caller, q?: string): Promise<InvestorResponse[]> {
    return this.investors.list(caller.organisationId, q);
  }

  async create(caller: Caller, request: CreateInvestorRequest): Promise<InvestorResponse> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const investor = await this.investors.insert(manager, caller.organisationId, request);
        await this.audit.recordBy(manager, caller, { action: 'investor.created', entityType: 'investor', entityId: investor.id, before: null, after: { ...request } });
        return investor;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw FundingErrors.investor_name_taken();
      throw error;
    }
  }
}
