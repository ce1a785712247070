import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import { bilingualError } from '@incubator/contracts';
import type { CreateKpiDefinitionRequest, KpiDefinitionResponse, KpiPeriodicity } from '@incubator/contracts';
import { compareDecimals, KpiRule, trimZeros } from './kpi-values';
import { isUniqueViolation } from '@incubator/api/sql';

/** The organisation's KPIs: the standard ones (created with the organisation) and its programs' own. */
@Injectable()
export class KpiDefinitionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(organisationId: string): Promise<KpiDefinitionResponse[]> {
    const rows = await this.dataSource.query(
      `SELECT * FROM kpi_definitions WHERE organisation_id = $1 ORDER BY standard DESC, created_at, key`,
      [organisationId],
    );
    return rows.map(toResponse);
  }

  async create(caller: Caller, request: CreateKpiDefinitionRequest): Promise<KpiDefinitionResponse> {
    if (request.minValue !== undefined && request.maxValue !== undefined && compareDecimals(request.minValue, request.maxValue) > 0) {
      throw new BadRequestException(
        bilingualError({ fr: 'Bornes incohérentes.', en: 'Inconsistent bounds.' }, { maxValue: { fr: 'doit être supérieur ou égal au minimum', en: 'must be at least minValue' } }),
      );
    }
    try {
      return await this.dataSource.transaction(async (manager) => {
        if (request.programId) {
          const [program] = await manager.query('SELECT 1 FROM programs WHERE id = $1 AND organisation_id = $2', [request.programId, caller.organisationId]);
          if (!program) throw new BadRequestException(bilingualError({ fr: 'Programme inconnu.', en: 'Unknown program.' }, { programId: { fr: 'programme inconnu', en: 'no such program' } }));
        }
        const [row] = await manager.query(
          `INSERT INTO kpi_definitions (organisation_id, program_id, key, label_fr, label_en, unit, aggregation, periodicity, required, min_value, max_value)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
          [caller.organisationId, request.programId ?? null, request.key, request.labelFr, request.labelEn, request.unit, request.aggregation, request.periodicity, request.required, request.minValue ?? null, request.maxValue ?? null],
        );
        await this.audit.recordBy(manager, caller, { action: 'kpi_definition.created', entityType: 'kpi_definition', entityId: row.id, before: null, after: { ...request } });
        return toResponse(row);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictException(bilingualError({ fr: 'Cet indicateur existe déjà.', en: 'This KPI already exists.' }, { key: { fr: 'clé déjà utilisée', en: 'key is already used' } }));
      }
      throw error;
    }
  }

  /**
   * The KPIs a startup reports for a period of the given periodicity: the organisation's, plus those
   * of the programs the startup is (or was) enrolled in.
   */
  async rulesFor(manager: EntityManager | DataSource, organisationId: string, startupId: string, periodicity: KpiPeriodicity): Promise<KpiRule[]> {
    const rows = await manager.query(
      `SELECT d.* FROM kpi_definitions d
       WHERE d.organisation_id = $1 AND d.periodicity = $3
         AND (d.program_id IS NULL OR d.program_id IN (
               SELECT c.program_id FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id WHERE e.startup_id = $2 AND e.status <> 'withdrawn'))
       ORDER BY d.standard DESC, d.created_at, d.key`,
      [organisationId, startupId, periodicity],
    );
    return rows.map((row: Record<string, unknown>) => {
      const d = toResponse(row);
      return { id: d.id, key: d.key, unit: d.unit, required: d.required, minValue: d.minValue, maxValue: d.maxValue };
    });
  }
}

export function toResponse(row: Record<string, unknown>): KpiDefinitionResponse {
  const bound = (value: unknown) => (value === null || value === undefined ? null : trimZeros(String(value)));
  return {
    id: row['id'] as string,
    key: row['key'] as string,
    labelFr: row['label_fr'] as string,
    labelEn: row['label_en'] as string,
    unit: row['unit'] as KpiDefinitionResponse['unit'],
    aggregation: row['aggregation'] as KpiDefinitionResponse['aggregation'],
    periodicity: row['periodicity'] as KpiDefinitionResponse['periodicity'],
    required: row['required'] as boolean,
    minValue: bound(row['min_value']),
    maxValue: bound(row['max_value']),
    programId: (row['program_id'] as string | null) ?? null,
    standard: row['standard'] as boolean,
  };
}
