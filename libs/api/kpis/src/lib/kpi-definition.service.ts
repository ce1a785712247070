import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import { isUniqueViolation, Queryable } from '@incubator/api/sql';
import type { CreateKpiDefinitionRequest, KpiDefinitionResponse, KpiPeriodicity } from '@incubator/contracts';
import { KpiDefinitionRepository } from './kpi-definition.repository';
import { KpiErrors } from './kpi.errors';
import { compareDecimals, KpiRule } from './kpi-values';

/** The organisation's KPIs: the standard ones (created with the organisation) and its programs' own. */
@Injectable()
export class KpiDefinitionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: KpiDefinitionRepository,
    private readonly audit: AuditService,
  ) {}

  list(organisationId: string): Promise<KpiDefinitionResponse[]> {
    return this.repository.list(organisationId);
  }

  async create(caller: Caller, request: CreateKpiDefinitionRequest): Promise<KpiDefinitionResponse> {
    if (request.minValue !== undefined && request.maxValue !== undefined && compareDecimals(request.minValue, request.maxValue) > 0) {
      throw KpiErrors.invalid_bounds();
    }
    try {
      return await this.dataSource.transaction(async (manager) => {
        if (request.programId && !(await this.repository.programExists(manager, caller.organisationId, request.programId))) throw KpiErrors.unknown_program();
        const definition = await this.repository.insert(manager, caller.organisationId, request);
        await this.audit.recordBy(manager, caller, { action: 'kpi_definition.created', entityType: 'kpi_definition', entityId: definition.id, before: null, after: { ...request } });
        return definition;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw KpiErrors.definition_exists();
      throw error;
    }
  }

  /**
   * The KPIs a startup reports for a period of the given periodicity: the organisation's, plus those
   * of the programs the startup is (or was) enrolled in.
   */
  rulesFor(db: Queryable, organisationId: string, startupId: string, periodicity: KpiPeriodicity): Promise<KpiRule[]> {
    return this.repository.rulesFor(db, organisationId, startupId, periodicity);
  }
}
