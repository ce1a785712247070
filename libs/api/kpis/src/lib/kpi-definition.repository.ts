import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Queryable } from '@incubator/api/sql';
import type { CreateKpiDefinitionRequest, KpiAggregation, KpiDefinitionResponse, KpiPeriodicity, KpiUnit } from '@incubator/contracts';
import { KpiRule, trimZeros } from './kpi-values';

/** A kpi_definitions row (numeric bounds come back as padded decimal strings). */
interface KpiDefinitionRow {
  id: string;
  organisation_id: string;
  program_id: string | null;
  key: string;
  label_fr: string;
  label_en: string;
  unit: KpiUnit;
  aggregation: KpiAggregation;
  periodicity: KpiPeriodicity;
  required: boolean;
  min_value: string | null;
  max_value: string | null;
  standard: boolean;
  created_at: Date;
}

/** Every statement on kpi_definitions. */
@Injectable()
export class KpiDefinitionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The organisation's KPIs, standard ones first. */
  async list(organisationId: string, db: Queryable = this.dataSource): Promise<KpiDefinitionResponse[]> {
    const rows = await db.query<KpiDefinitionRow[]>(`SELECT * FROM kpi_definitions WHERE organisation_id = $1 ORDER BY standard DESC, created_at, key`, [organisationId]);
    return rows.map(toDefinition);
  }

  /** The organisation's KPIs in no particular order (the import matches them by key). */
  async listUnordered(organisationId: string, db: Queryable = this.dataSource): Promise<KpiDefinitionResponse[]> {
    const rows = await db.query<KpiDefinitionRow[]>('SELECT * FROM kpi_definitions WHERE organisation_id = $1', [organisationId]);
    return rows.map(toDefinition);
  }

  /** Whether the program belongs to the organisation (reads programs). */
  async programExists(db: Queryable, organisationId: string, programId: string): Promise<boolean> {
    const rows = await db.query<Array<{ '?column?': number }>>('SELECT 1 FROM programs WHERE id = $1 AND organisation_id = $2', [programId, organisationId]);
    return rows.length > 0;
  }

  /** Inserts a definition; a taken key is a unique violation for the caller to answer. */
  async insert(db: Queryable, organisationId: string, request: CreateKpiDefinitionRequest): Promise<KpiDefinitionResponse> {
    const [row] = await db.query<KpiDefinitionRow[]>(
      `INSERT INTO kpi_definitions (organisation_id, program_id, key, label_fr, label_en, unit, aggregation, periodicity, required, min_value, max_value)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
      [organisationId, request.programId ?? null, request.key, request.labelFr, request.labelEn, request.unit, request.aggregation, request.periodicity, request.required, request.minValue ?? null, request.maxValue ?? null],
    );
    return toDefinition(row);
  }

  /**
   * The KPIs a startup reports for a period of the given periodicity: the organisation's, plus those
   * of the programs the startup is (or was) enrolled in (reads enrollments and cohorts).
   */
  async rulesFor(db: Queryable, organisationId: string, startupId: string, periodicity: KpiPeriodicity): Promise<KpiRule[]> {
    const rows = await db.query<KpiDefinitionRow[]>(
      `SELECT d.* FROM kpi_definitions d
       WHERE d.organisation_id = $1 AND d.periodicity = $3
         AND (d.program_id IS NULL OR d.program_id IN (
               SELECT c.program_id FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id WHERE e.startup_id = $2 AND e.status <> 'withdrawn'))
       ORDER BY d.standard DESC, d.created_at, d.key`,
      [organisationId, startupId, periodicity],
    );
    return rows.map((row) => toRule(toDefinition(row)));
  }
}

function toDefinition(row: KpiDefinitionRow): KpiDefinitionResponse {
  const bound = (value: string | null) => (value === null ? null : trimZeros(value));
  return {
    id: row.id,
    key: row.key,
    labelFr: row.label_fr,
    labelEn: row.label_en,
    unit: row.unit,
    aggregation: row.aggregation,
    periodicity: row.periodicity,
    required: row.required,
    minValue: bound(row.min_value),
    maxValue: bound(row.max_value),
    programId: row.program_id,
    standard: row.standard,
  };
}

/** What value checking needs of a definition. */
export function toRule(d: KpiDefinitionResponse): KpiRule {
  return { id: d.id, key: d.key, unit: d.unit, required: d.required, minValue: d.minValue, maxValue: d.maxValue };
}
