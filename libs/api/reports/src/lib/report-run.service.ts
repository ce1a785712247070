import { organisationToday } from '@incubator/api/organisations';
import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { bilingualError, periodRange, quarterRange, QueueName, ReportsJob } from '@incubator/contracts';
import { boardQuarterRange } from './board-quarters';
import type { ReportFileResponse, ReportKind, ReportRunPayload, ReportRunResponse } from '@incubator/contracts';

const SELECT = `
  SELECT r.*, coalesce((SELECT json_agg(json_build_object('id', f.id, 'format', f.format, 'locale', f.locale, 'filename', f.filename,
                                                          'sizeBytes', f.size_bytes, 'createdAt', f.created_at) ORDER BY f.format, f.locale)
                        FROM report_files f WHERE f.run_id = r.id), '[]') AS files
  FROM report_runs r`;

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
    @InjectQueue(QueueName.Reports) private readonly queue: Queue<ReportRunPayload>,
  ) {}

  async request(organisationId: string, request: RunRequest): Promise<ReportRunResponse> {
    await this.checkPeriod(organisationId, request.kind, request.period);
    const key = [organisationId, request.kind, request.period];
    const run = await this.dataSource.transaction(async (manager) => {
      // Serialise requests for the same period so two callers never create two generations.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key.join(':')]);
      const [latest] = await manager.query(
        'SELECT id, status, generation FROM report_runs WHERE organisation_id = $1 AND kind = $2 AND period = $3 ORDER BY generation DESC LIMIT 1',
        key,
      );
      if (latest && !(request.regenerate && ['completed', 'failed'].includes(latest.status))) {
        if (latest.status === 'failed') await manager.query(`UPDATE report_runs SET status = 'queued', progress = 0 WHERE id = $1`, [latest.id]);
        return { id: latest.id as string, generation: latest.generation as number, retry: latest.status === 'failed' };
      }
      const [created] = await manager.query(
        `INSERT INTO report_runs (organisation_id, kind, period, generation, trigger, requested_by, parameters)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, generation`,
        [...key, (latest?.generation ?? 0) + 1, request.trigger, request.requestedBy, JSON.stringify({ regenerate: request.regenerate ?? false })],
      );
      return { id: created.id as string, generation: created.generation as number, retry: false };
    });
    await this.enqueue(organisationId, request.kind, request.period, run.generation, run.id, run.retry);
    return this.get(organisationId, run.id);
  }

  async list(organisationId: string, kinds: readonly ReportKind[], limit = 50): Promise<ReportRunResponse[]> {
    const rows = await this.dataSource.query(`${SELECT} WHERE r.organisation_id = $1 AND r.kind = ANY($2) ORDER BY r.created_at DESC LIMIT $3`, [organisationId, kinds, limit]);
    return rows.map(toResponse);
  }

  async get(organisationId: string, id: string, kinds?: readonly ReportKind[]): Promise<ReportRunResponse> {
    const [row] = await this.dataSource.query(`${SELECT} WHERE r.id = $1 AND r.organisation_id = $2`, [id, organisationId]);
    if (!row || (kinds && !kinds.includes(row.kind))) throw new NotFoundException('No such report run');
    return toResponse(row);
  }

  async file(organisationId: string, runId: string, fileId: string, kinds: readonly ReportKind[]): Promise<{ filename: string; format: string; content: Buffer }> {
    const [row] = await this.dataSource.query(
      `SELECT f.filename, f.format, f.content FROM report_files f JOIN report_runs r ON r.id = f.run_id
       WHERE f.id = $1 AND r.id = $2 AND r.organisation_id = $3 AND r.kind = ANY($4)`,
      [fileId, runId, organisationId, kinds],
    );
    if (!row) throw new NotFoundException('No such report file');
    return row;
  }

  /** The job id says which run it is: organisation, kind, period, generation. BullMQ keeps one job per id. */
  static jobId(organisationId: string, kind: ReportKind, period: string, generation: number): string {
    return `report.${organisationId}.${kind}.${period}.${generation}`;
  }

  private async enqueue(organisationId: string, kind: ReportKind, period: string, generation: number, runId: string, retry: boolean): Promise<void> {
    const jobId = ReportRunService.jobId(organisationId, kind, period, generation);
    const existing = await this.queue.getJob(jobId);
    if (existing && retry && (await existing.isFailed())) {
      await existing.retry();
      return;
    }
    await this.queue.add(ReportsJob.Run, { runId }, { jobId, attempts: 3, backoff: { type: 'exponential', delay: 2_000 } });
  }

  /** A board pack covers a quarter, an occupancy report a month; neither may lie in the future. */
  private async checkPeriod(organisationId: string, kind: ReportKind, period: string): Promise<void> {
    const range = kind === 'board_pack' ? quarterRange(period) : periodRange(period)?.periodicity === 'monthly' ? { from: periodRange(period)!.start } : null;
    if (!range) {
      const expected = kind === 'board_pack' ? { fr: 'trimestre AAAA-Qn attendu', en: 'must be a quarter YYYY-Qn' } : { fr: 'mois AAAA-MM attendu', en: 'must be a month YYYY-MM' };
      throw new BadRequestException(bilingualError({ fr: 'Période invalide.', en: 'Invalid period.' }, { period: expected }));
    }
    const today = await organisationToday(this.dataSource, organisationId);
    if (range.from > today) throw new BadRequestException(bilingualError({ fr: 'Période future.', en: 'Future period.' }, { period: { fr: 'la période n’a pas commencé', en: 'the period has not started' } }));
    // A board pack covers a quarter of the organisation's data, as the dashboard does (404 before it).
    if (kind === 'board_pack') await boardQuarterRange(this.dataSource, organisationId, period);
  }
}

function toResponse(row: Record<string, unknown>): ReportRunResponse {
  const iso = (value: unknown) => (value ? (value as Date).toISOString() : null);
  return {
    id: row['id'] as string,
    kind: row['kind'] as ReportKind,
    period: row['period'] as string,
    generation: row['generation'] as number,
    trigger: row['trigger'] as ReportRunResponse['trigger'],
    requestedBy: (row['requested_by'] as string | null) ?? null,
    status: row['status'] as ReportRunResponse['status'],
    progress: row['progress'] as number,
    attempts: row['attempts'] as number,
    error: (row['error'] as string | null) ?? null,
    createdAt: (row['created_at'] as Date).toISOString(),
    startedAt: iso(row['started_at']),
    finishedAt: iso(row['finished_at']),
    files: (row['files'] as Array<ReportFileResponse & { locale: string }>).map((f) => ({
      ...f,
      locale: (f.locale || null) as ReportFileResponse['locale'],
      createdAt: new Date(f.createdAt).toISOString(),
    })),
  };
}
