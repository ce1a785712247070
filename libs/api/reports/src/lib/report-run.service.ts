import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobQueues } from '@incubator/api/queues';
import { JOB_QUEUE, periodRange, quarterRange, ReportsJob } from '@incubator/contracts';
import type { ReportKind, ReportRunResponse } from '@incubator/contracts';
import { BoardQuarterRepository } from './board-quarter.repository';
import { boardQuarterRange } from './board-quarters';
import { ReportErrors } from './report.errors';
import { ReportRunRepository, StoredReportFile } from './report-run.repository';

export interface RunRequest {
  kind: ReportKind;
  period: string;
  regenerate?: boolean;
  trigger: 'schedule' | 'on_demand';
  requestedBy: string | null;
}

/**
 * Report runs: one record per organisation, kind, period and generation, and one BullMQ job whose
 * id is derived from the same four things. Asking for a period that is queued or running returns that
 * run; a failed run is retried; a finished period is produced again only when asked explicitly
 * (a new generation, the earlier files kept).
 */
@Injectable()
export class ReportRunService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runs: ReportRunRepository,
    private readonly boardQuarters: BoardQuarterRepository,
    private readonly queues: JobQueues,
  ) {}

  async request(organisationId: string, request: RunRequest): Promise<ReportRunResponse> {
    await this.checkPeriod(organisationId, request.kind, request.period);
    const { kind, period } = request;
    const run = await this.dataSource.transaction(async (manager) => {
      await this.runs.lockPeriod(manager, organisationId, kind, period);
      const latest = await this.runs.latest(manager, organisationId, kind, period);
      if (latest && !(request.regenerate && ['completed', 'failed'].includes(latest.status))) {
        if (latest.status === 'failed') await this.runs.requeue(manager, latest.id);
        return { id: latest.id, generation: latest.generation, retry: latest.status === 'failed' };
      }
      const created = await this.runs.insert(manager, {
        organisationId,
        kind,
        period,
        generation: (latest?.generation ?? 0) + 1,
        trigger: request.trigger,
        requestedBy: request.requestedBy,
        regenerate: request.regenerate ?? false,
      });
      return { ...created, retry: false };
    });
    await this.enqueue(organisationId, kind, period, run.generation, run.id, run.retry);
    return this.get(organisationId, run.id);
  }

  list(organisationId: string, kinds: readonly ReportKind[], limit = 50): Promise<ReportRunResponse[]> {
    return this.runs.list(organisationId, kinds, limit);
  }

  async get(organisationId: string, id: string, kinds?: readonly ReportKind[]): Promise<ReportRunResponse> {
    const run = await this.runs.find(organisationId, id);
    if (!run || (kinds && !kinds.includes(run.kind))) throw ReportErrors.run_not_found();
    return run;
  }

  async file(organisationId: string, runId: string, fileId: string, kinds: readonly ReportKind[]): Promise<StoredReportFile> {
    const file = await this.runs.findFile(organisationId, runId, fileId, kinds);
    if (!file) throw ReportErrors.file_not_found();
    return file;
  }

  /** The job id says which run it is: organisation, kind, period, generation. BullMQ keeps one job per id. */
  static jobId(organisationId: string, kind: ReportKind, period: string, generation: number): string {
    return `report.${organisationId}.${kind}.${period}.${generation}`;
  }

  private async enqueue(organisationId: string, kind: ReportKind, period: string, generation: number, runId: string, retry: boolean): Promise<void> {
    const jobId = ReportRunService.jobId(organisationId, kind, period, generation);
    const existing = await this.queues.queue(JOB_QUEUE[ReportsJob.Run]).getJob(jobId);
    if (existing && retry && (await existing.isFailed())) {
      await existing.retry();
      return;
    }
    await this.queues.add(ReportsJob.Run, { runId }, { jobId, attempts: 3, backoff: { type: 'exponential', delay: 2_000 } });
  }

  /** A board pack covers a quarter, an occupancy report a month; neither may lie in the future. */
  private async checkPeriod(organisationId: string, kind: ReportKind, period: string): Promise<void> {
    const month = periodRange(period);
    const range = kind === 'board_pack' ? quarterRange(period) : month?.periodicity === 'monthly' ? { from: month.start } : null;
    if (!range) throw kind === 'board_pack' ? ReportErrors.period_not_quarter() : ReportErrors.period_not_month();
    const today = await this.boardQuarters.today(organisationId);
    if (range.from > today) throw ReportErrors.future_period();
    // A board pack covers a quarter of the organisation's data, as the dashboard does (404 before it).
    if (kind === 'board_pack') await boardQuarterRange(this.boardQuarters, organisationId, period);
  }
}
