import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import { SqlFilter } from '@incubator/api/sql';
import { bilingualError, formatMinorUnits, KPI_REPORT_DUE_DAYS, periodRange } from '@incubator/contracts';
import type {
  KpiReportListQuery,
  KpiReportResponse,
  KpiReportStatus,
  LateKpiReport,
  PageResponse,
  SaveKpiReportRequest,
  UpdateKpiReportRequest,
} from '@incubator/contracts';
import { KpiDefinitionService } from './kpi-definition.service';
import { checkKpiValues, trimZeros } from './kpi-values';

/** Values by key and the funds raised (closed rounds with a closing date inside the period). */
const SELECT = `
  SELECT r.*, s.legal_name AS startup_name,
         coalesce((SELECT json_object_agg(d.key, v.value::text) FROM kpi_values v JOIN kpi_definitions d ON d.id = v.definition_id
                   WHERE v.report_id = r.id), '{}') AS values,
         (SELECT coalesce(sum(f.amount_eur_cents), 0) FROM funding_rounds f
          WHERE f.startup_id = r.startup_id AND f.status = 'closed' AND f.closed_on >= r.period_start AND f.closed_on < r.period_end) AS funds_raised_cents
  FROM kpi_reports r JOIN startups s ON s.id = r.startup_id`;

/** Who may still change a report: its startup while draft or returned; managers always (audited). */
const STARTUP_EDITABLE: readonly KpiReportStatus[] = ['draft', 'returned'];

/**
 * KPI reports: one per startup and period, draft → submitted → validated (or returned with a
 * comment, then submitted again). Every change is audited with the values before and after.
 */
@Injectable()
export class KpiReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly definitions: KpiDefinitionService,
  ) {}

  async list(caller: Caller, query: KpiReportListQuery & { limit: number; offset: number }): Promise<PageResponse<KpiReportResponse>> {
    const filter = new SqlFilter().add('r.organisation_id = ?', caller.organisationId);
    if (caller.role === 'startup') filter.add('r.startup_id = ?', caller.startupId);
    filter.addIf(query.startupId, 'r.startup_id = ?').addIf(query.status, 'r.status = ?').addIf(query.period, 'r.period = ?');
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM kpi_reports r WHERE ${filter.where}`, filter.params);
    const [limit, offset] = [filter.placeholder(query.limit), filter.placeholder(query.offset)];
    const order = query.status === 'submitted' ? 'r.submitted_at, r.id' : 'r.period_start DESC, r.period_end DESC, lower(s.legal_name), r.id';
    const rows = await this.dataSource.query(`${SELECT} WHERE ${filter.where} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`, filter.params);
    return { items: rows.map(toResponse), total, limit: query.limit, offset: query.offset };
  }

  /** Reports whose period lies in [from, to), for export (bounded). */
  async listRange(caller: Caller, from: string, to: string, cap = 200_000): Promise<KpiReportResponse[]> {
    const rows = await this.dataSource.query(
      `${SELECT} WHERE r.organisation_id = $1 AND r.period_start >= $2 AND r.period_start < $3 AND r.period_end <= $3
       ORDER BY lower(s.legal_name), r.period_start, r.period_end LIMIT $4`,
      [caller.organisationId, from, to, cap],
    );
    return rows.map(toResponse);
  }

  async get(caller: Caller, id: string): Promise<KpiReportResponse> {
    const [row] = await this.dataSource.query(`${SELECT} WHERE r.id = $1 AND r.organisation_id = $2`, [id, caller.organisationId]);
    if (!row || (caller.role === 'startup' && row.startup_id !== caller.startupId)) throw new NotFoundException('No such KPI report');
    return toResponse(row);
  }

  async create(caller: Caller, request: SaveKpiReportRequest): Promise<KpiReportResponse> {
    if (caller.role === 'startup' && caller.startupId !== request.startupId) throw new NotFoundException('No such startup');
    const id = await this.dataSource.transaction(async (manager) => {
      const [startup] = await manager.query(
        `SELECT s.id, to_char((now() AT TIME ZONE o.time_zone)::date, 'YYYY-MM-DD') AS today
         FROM startups s JOIN organisations o ON o.id = s.organisation_id WHERE s.id = $1 AND s.organisation_id = $2`,
        [request.startupId, caller.organisationId],
      );
      if (!startup) throw new NotFoundException('No such startup');
      const range = checkPeriod(request.period, startup.today);
      const rules = await this.definitions.rulesFor(manager, caller.organisationId, request.startupId, range.periodicity);
      const { values, problems } = checkKpiValues(rules, request.values, { requireAll: request.submit === true });
      throwIfProblems(problems);
      const status: KpiReportStatus = request.submit ? 'submitted' : 'draft';
      // ON CONFLICT DO NOTHING: a second report for the period is a 409, never a unique-violation 500.
      const [row] = await manager.query(
        `INSERT INTO kpi_reports (organisation_id, startup_id, period, period_start, period_end, due_on, status, submitted_at)
         VALUES ($1, $2, $3, $4, $5, $5::date + $6::int, $7::varchar, CASE WHEN $7::varchar = 'submitted' THEN now() END)
         ON CONFLICT (startup_id, period) DO NOTHING RETURNING id`,
        [caller.organisationId, request.startupId, request.period, range.start, range.end, KPI_REPORT_DUE_DAYS, status],
      );
      if (!row) {
        throw new ConflictException(
          bilingualError(
            { fr: 'Un rapport existe déjà pour cette période : modifiez-le.', en: 'A report already exists for this period: edit it instead.' },
            { period: { fr: 'période déjà déclarée', en: 'period already reported' } },
          ),
        );
      }
      await this.writeValues(manager, row.id, values);
      await this.audit.recordBy(manager, caller, {
        action: 'kpi_report.created',
        entityType: 'kpi_report',
        entityId: row.id,
        before: null,
        after: { period: request.period, status, values: request.values },
      });
      return row.id as string;
    });
    return this.get(caller, id);
  }

  async update(caller: Caller, id: string, change: UpdateKpiReportRequest): Promise<KpiReportResponse> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.lockVisible(manager, caller, id);
      if (caller.role === 'startup' && !STARTUP_EDITABLE.includes(before.status)) {
        throw new ConflictException(
          bilingualError({
            fr: 'Ce rapport a été soumis : il ne peut plus être modifié que par l’équipe du parc.',
            en: 'This report has been submitted: only the park’s team can change it now.',
          }),
        );
      }
      const range = periodRange(before.period)!;
      const rules = await this.definitions.rulesFor(manager, caller.organisationId, before.startupId, range.periodicity);
      const merged = { ...before.values, ...change.values };
      const submitting = change.submit === true && before.status !== 'validated';
      const { values, problems } = checkKpiValues(rules, merged, { requireAll: submitting || !STARTUP_EDITABLE.includes(before.status) });
      throwIfProblems(problems);
      const status: KpiReportStatus = submitting ? 'submitted' : before.status;
      await manager.query(
        `UPDATE kpi_reports SET status = $2, submitted_at = CASE WHEN $3 THEN now() ELSE submitted_at END, updated_at = now() WHERE id = $1`,
        [id, status, submitting],
      );
      await manager.query('DELETE FROM kpi_values WHERE report_id = $1', [id]);
      await this.writeValues(manager, id, values);
      await this.audit.recordBy(manager, caller, {
        action: before.status === 'validated' ? 'kpi_report.corrected' : 'kpi_report.updated',
        entityType: 'kpi_report',
        entityId: id,
        before: { status: before.status, values: before.values },
        after: { status, values: Object.fromEntries(Object.entries(merged).map(([k, v]) => [k, String(v)])) },
      });
    });
    return this.get(caller, id);
  }

  async validate(caller: Caller, id: string): Promise<KpiReportResponse> {
    return this.review(caller, id, 'validated', null);
  }

  async returnToStartup(caller: Caller, id: string, comment: string): Promise<KpiReportResponse> {
    return this.review(caller, id, 'returned', comment);
  }

  /**
   * Reports expected for a period and not handed in after their due date: startups with an admitted,
   * active or graduated enrollment in a cohort running during the period, without a submitted or
   * validated report. Only periods whose due date has passed (in the organisation's time zone) count.
   */
  async late(caller: Caller, period: string): Promise<LateKpiReport[]> {
    const range = periodRange(period);
    if (!range) throw new BadRequestException(bilingualError({ fr: 'Période invalide.', en: 'Invalid period.' }, { period: PERIOD_FORMAT }));
    const rows = await this.dataSource.query(
      `WITH today AS (SELECT (now() AT TIME ZONE time_zone)::date AS d FROM organisations WHERE id = $1),
            expected AS (
              SELECT DISTINCT s.id, s.legal_name FROM startups s
              JOIN enrollments e ON e.startup_id = s.id AND e.status IN ('admitted', 'active', 'graduated')
              JOIN cohorts c ON c.id = e.cohort_id AND c.starts_on < $3 AND c.ends_on > $2
              WHERE s.organisation_id = $1)
       SELECT x.id AS startup_id, x.legal_name, r.id AS report_id, r.status,
              ($3::date + $5::int) AS due_on, (SELECT d FROM today) - ($3::date + $5::int) AS days_late
       FROM expected x LEFT JOIN kpi_reports r ON r.startup_id = x.id AND r.period = $4
       WHERE (r.id IS NULL OR r.status IN ('draft', 'returned')) AND ($3::date + $5::int) < (SELECT d FROM today)
       ORDER BY days_late DESC, lower(x.legal_name)`,
      [caller.organisationId, range.start, range.end, period, KPI_REPORT_DUE_DAYS],
    );
    return rows.map((row: Record<string, unknown>) => ({
      startupId: row['startup_id'] as string,
      startupName: row['legal_name'] as string,
      period,
      dueOn: row['due_on'] as string,
      daysLate: Number(row['days_late']),
      status: (row['status'] as KpiReportStatus | null) ?? null,
      reportId: (row['report_id'] as string | null) ?? null,
    }));
  }

  private async review(caller: Caller, id: string, to: 'validated' | 'returned', comment: string | null): Promise<KpiReportResponse> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.lockVisible(manager, caller, id);
      if (before.status !== 'submitted') {
        throw new ConflictException(
          bilingualError(
            { fr: `Seul un rapport soumis peut être ${to === 'validated' ? 'validé' : 'renvoyé'} (statut actuel : ${before.status}).`, en: `Only a submitted report can be ${to} (it is ${before.status}).` },
            { status: { fr: `statut actuel : ${before.status}`, en: `status is ${before.status}` } },
          ),
        );
      }
      await manager.query(
        `UPDATE kpi_reports SET status = $2::varchar, return_comment = $3,
                validated_at = CASE WHEN $2::varchar = 'validated' THEN now() END, validated_by = CASE WHEN $2::varchar = 'validated' THEN $4::uuid END,
                updated_at = now()
         WHERE id = $1`,
        [id, to, comment, caller.userId],
      );
      await this.audit.recordBy(manager, caller, {
        action: `kpi_report.${to}`,
        entityType: 'kpi_report',
        entityId: id,
        before: { status: before.status },
        after: { status: to, comment },
      });
    });
    return this.get(caller, id);
  }

  /** The report, locked for the transaction; 404 outside the caller's organisation or startup. */
  private async lockVisible(manager: EntityManager, caller: Caller, id: string): Promise<KpiReportResponse> {
    const [locked] = await manager.query('SELECT startup_id FROM kpi_reports WHERE id = $1 AND organisation_id = $2 FOR UPDATE', [id, caller.organisationId]);
    if (!locked || (caller.role === 'startup' && locked.startup_id !== caller.startupId)) throw new NotFoundException('No such KPI report');
    const [row] = await manager.query(`${SELECT} WHERE r.id = $1`, [id]);
    return toResponse(row);
  }

  private async writeValues(manager: EntityManager, reportId: string, values: Map<string, string>): Promise<void> {
    if (!values.size) return;
    await manager.query(
      'INSERT INTO kpi_values (report_id, definition_id, value) SELECT $1, unnest($2::uuid[]), unnest($3::numeric[])',
      [reportId, [...values.keys()], [...values.values()]],
    );
  }
}

const PERIOD_FORMAT = { fr: 'période au format AAAA-MM ou AAAA-Tn (ex. 2026-03, 2026-Q1)', en: 'period must be YYYY-MM or YYYY-Qn (e.g. 2026-03, 2026-Q1)' };

/** A valid period that has started (a report for a future period is refused). */
export function checkPeriod(period: string, today: string): NonNullable<ReturnType<typeof periodRange>> {
  const range = periodRange(period);
  if (!range) throw new BadRequestException(bilingualError({ fr: 'Période invalide.', en: 'Invalid period.' }, { period: PERIOD_FORMAT }));
  if (range.start > today) {
    throw new BadRequestException(
      bilingualError({ fr: 'On ne déclare pas une période future.', en: 'A future period cannot be reported.' }, { period: { fr: 'période dans le futur', en: 'period is in the future' } }),
    );
  }
  return range;
}

function throwIfProblems(problems: Record<string, { fr: string; en: string }>): void {
  if (!Object.keys(problems).length) return;
  const fields = Object.fromEntries(Object.entries(problems).map(([key, text]) => [`values.${key}`, text]));
  throw new BadRequestException(bilingualError({ fr: 'Le rapport contient des valeurs invalides.', en: 'The report has invalid values.' }, fields));
}

function toResponse(row: Record<string, unknown>): KpiReportResponse {
  const values = row['values'] as Record<string, string | number>;
  const iso = (value: unknown) => (value ? (value as Date).toISOString() : null);
  return {
    id: row['id'] as string,
    startupId: row['startup_id'] as string,
    startupName: row['startup_name'] as string,
    period: row['period'] as string,
    periodStart: row['period_start'] as string,
    periodEnd: row['period_end'] as string,
    dueOn: row['due_on'] as string,
    status: row['status'] as KpiReportStatus,
    values: Object.fromEntries(Object.entries(values).map(([key, value]) => [key, trimZeros(String(value))])),
    fundsRaisedEur: formatMinorUnits(row['funds_raised_cents'] as string, 2),
    returnComment: (row['return_comment'] as string | null) ?? null,
    submittedAt: iso(row['submitted_at']),
    validatedAt: iso(row['validated_at']),
    updatedAt: (row['updated_at'] as Date).toISOString(),
  };
}
