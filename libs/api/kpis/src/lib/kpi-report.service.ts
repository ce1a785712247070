import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@incubator/api/audit';
import type { Caller } from '@incubator/api/identity';
import { periodRange } from '@incubator/contracts';
import type { KpiReportListQuery, KpiReportResponse, KpiReportStatus, LateKpiReport, PageResponse, SaveKpiReportRequest, UpdateKpiReportRequest } from '@incubator/contracts';
import { KpiDefinitionService } from './kpi-definition.service';
import { KpiReportRepository } from './kpi-report.repository';
import { KpiRollupService } from './kpi-rollup.service';
import { invalidValues, KpiErrors } from './kpi.errors';
import { checkKpiValues } from './kpi-values';

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
    private readonly repository: KpiReportRepository,
    private readonly audit: AuditService,
    private readonly definitions: KpiDefinitionService,
    private readonly rollups: KpiRollupService,
  ) {}

  async list(caller: Caller, query: KpiReportListQuery & { limit: number; offset: number }): Promise<PageResponse<KpiReportResponse>> {
    const ownStartupId = caller.role === 'startup' ? caller.startupId : undefined;
    const { items, total } = await this.repository.page({ ...query, organisationId: caller.organisationId, ownStartupId });
    return { items, total, limit: query.limit, offset: query.offset };
  }

  /** Reports whose period lies in [from, to), for export (bounded). */
  listRange(caller: Caller, from: string, to: string, cap = 200_000): Promise<KpiReportResponse[]> {
    return this.repository.listRange(caller.organisationId, from, to, cap);
  }

  async get(caller: Caller, id: string): Promise<KpiReportResponse> {
    const report = await this.repository.find(caller.organisationId, id);
    if (!report || (caller.role === 'startup' && report.startupId !== caller.startupId)) throw KpiErrors.report_not_found();
    return report;
  }

  async create(caller: Caller, request: SaveKpiReportRequest): Promise<KpiReportResponse> {
    if (caller.role === 'startup' && caller.startupId !== request.startupId) throw KpiErrors.startup_not_found();
    const id = await this.dataSource.transaction(async (manager) => {
      const today = await this.repository.startupToday(manager, caller.organisationId, request.startupId);
      if (today === null) throw KpiErrors.startup_not_found();
      const range = checkPeriod(request.period, today);
      const rules = await this.definitions.rulesFor(manager, caller.organisationId, request.startupId, range.periodicity);
      const { values, problems } = checkKpiValues(rules, request.values, { requireAll: request.submit === true });
      throwIfProblems(problems);
      const status: KpiReportStatus = request.submit ? 'submitted' : 'draft';
      const reportId = await this.repository.insert(manager, { organisationId: caller.organisationId, startupId: request.startupId, period: request.period, start: range.start, end: range.end, status });
      if (reportId === null) throw KpiErrors.report_exists();
      await this.repository.insertValues(manager, reportId, values);
      await this.audit.recordBy(manager, caller, {
        action: 'kpi_report.created',
        entityType: 'kpi_report',
        entityId: reportId,
        before: null,
        after: { period: request.period, status, values: request.values },
      });
      return reportId;
    });
    return this.get(caller, id);
  }

  async update(caller: Caller, id: string, change: UpdateKpiReportRequest): Promise<KpiReportResponse> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.lockVisible(manager, caller, id);
      if (caller.role === 'startup' && !STARTUP_EDITABLE.includes(before.status)) throw KpiErrors.report_submitted();
      const range = periodRange(before.period)!;
      const rules = await this.definitions.rulesFor(manager, caller.organisationId, before.startupId, range.periodicity);
      const merged = { ...before.values, ...change.values };
      const submitting = change.submit === true && before.status !== 'validated';
      const { values, problems } = checkKpiValues(rules, merged, { requireAll: submitting || !STARTUP_EDITABLE.includes(before.status) });
      throwIfProblems(problems);
      const status: KpiReportStatus = submitting ? 'submitted' : before.status;
      await this.repository.setStatus(manager, id, status, submitting);
      await this.repository.replaceValues(manager, id, values);
      await this.rollups.reportsChanged(manager, [id]);
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
   * Reports expected for a period and not handed in after their due date (in the organisation's time
   * zone): see KpiReportRepository.late.
   */
  async late(caller: Caller, period: string): Promise<LateKpiReport[]> {
    const range = periodRange(period);
    if (!range) throw KpiErrors.invalid_period();
    return this.repository.late(caller.organisationId, period, range);
  }

  private async review(caller: Caller, id: string, to: 'validated' | 'returned', comment: string | null): Promise<KpiReportResponse> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.lockVisible(manager, caller, id);
      if (before.status !== 'submitted') throw (to === 'validated' ? KpiErrors.validate_not_submitted : KpiErrors.return_not_submitted)({ status: before.status });
      await this.repository.review(manager, id, to, comment, caller.userId);
      await this.rollups.reportsChanged(manager, [id]);
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
    const startupId = await this.repository.lockStartupId(manager, caller.organisationId, id);
    if (startupId === null || (caller.role === 'startup' && startupId !== caller.startupId)) throw KpiErrors.report_not_found();
    return this.repository.get(manager, id);
  }
}

/** A valid period that has started (a report for a future period is refused). */
export function checkPeriod(period: string, today: string): NonNullable<ReturnType<typeof periodRange>> {
  const range = periodRange(period);
  if (!range) throw KpiErrors.invalid_period();
  if (range.start > today) throw KpiErrors.future_period();
  return range;
}

function throwIfProblems(problems: Record<string, { fr: string; en: string }>): void {
  if (Object.keys(problems).length) throw invalidValues(problems);
}
