import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Queryable } from '@incubator/api/sql';
import type { Locale, ReportFileFormat, ReportFileResponse, ReportKind, ReportRunResponse, ReportRunStatus } from '@incubator/contracts';

const SELECT = `
  SELECT r.*, coalesce((SELECT json_agg(json_build_object('id', f.id, 'format', f.format, 'locale', f.locale, 'filename', f.filename,
                                                          'sizeBytes', f.size_bytes, 'createdAt', f.created_at) ORDER BY f.format, f.locale)
                        FROM report_files f WHERE f.run_id = r.id), '[]') AS files
  FROM report_runs r`;

interface ReportRunRow {
  id: string;
  organisation_id: string;
  kind: ReportKind;
  period: string;
  generation: number;
  trigger: ReportRunResponse['trigger'];
  parameters: Record<string, unknown>;
  requested_by: string | null;
  status: ReportRunStatus;
  progress: number;
  attempts: number;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  /** json_agg: timestamps as text, an empty locale as ''. */
  files: Array<Omit<ReportFileResponse, 'locale'> & { locale: Locale | '' | null }>;
}

/** A run as the worker reads it before producing it. */
export interface ReportRunRecord {
  id: string;
  organisationId: string;
  kind: ReportKind;
  period: string;
  status: ReportRunStatus;
}

interface ReportRunRecordRow {
  id: string;
  organisation_id: string;
  kind: ReportKind;
  period: string;
  status: ReportRunStatus;
}

/** The latest generation asked for a period. */
export interface LatestRun {
  id: string;
  status: ReportRunStatus;
  generation: number;
}

export interface NewReportRun {
  organisationId: string;
  kind: ReportKind;
  period: string;
  generation: number;
  trigger: ReportRunResponse['trigger'];
  requestedBy: string | null;
  regenerate: boolean;
}

export interface StoredReportFile {
  filename: string;
  format: ReportFileFormat;
  content: Buffer;
}

export interface NewReportFile extends StoredReportFile {
  locale: Locale;
}

/** Every statement on `report_runs`, `report_files` and `report_deliveries`. */
@Injectable()
export class ReportRunRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Serialises requests for the same period (in the caller's transaction) so two callers never create two generations. */
  async lockPeriod(db: Queryable, organisationId: string, kind: ReportKind, period: string): Promise<void> {
    await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [[organisationId, kind, period].join(':')]);
  }

  async latest(db: Queryable, organisationId: string, kind: ReportKind, period: string): Promise<LatestRun | null> {
    const [row] = await db.query<LatestRun[]>(
      'SELECT id, status, generation FROM report_runs WHERE organisation_id = $1 AND kind = $2 AND period = $3 ORDER BY generation DESC LIMIT 1',
      [organisationId, kind, period],
    );
    return row ?? null;
  }

  async requeue(db: Queryable, runId: string): Promise<void> {
    await db.query(`UPDATE report_runs SET status = 'queued', progress = 0 WHERE id = $1`, [runId]);
  }

  async insert(db: Queryable, run: NewReportRun): Promise<{ id: string; generation: number }> {
    const [created] = await db.query<Array<{ id: string; generation: number }>>(
      `INSERT INTO report_runs (organisation_id, kind, period, generation, trigger, requested_by, parameters)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, generation`,
      [run.organisationId, run.kind, run.period, run.generation, run.trigger, run.requestedBy, JSON.stringify({ regenerate: run.regenerate })],
    );
    return created;
  }

  async list(organisationId: string, kinds: readonly ReportKind[], limit: number): Promise<ReportRunResponse[]> {
    const rows = await this.dataSource.query<ReportRunRow[]>(`${SELECT} WHERE r.organisation_id = $1 AND r.kind = ANY($2) ORDER BY r.created_at DESC LIMIT $3`, [organisationId, kinds, limit]);
    return rows.map(toReportRun);
  }

  async find(organisationId: string, id: string): Promise<ReportRunResponse | null> {
    const [row] = await this.dataSource.query<ReportRunRow[]>(`${SELECT} WHERE r.id = $1 AND r.organisation_id = $2`, [id, organisationId]);
    return row ? toReportRun(row) : null;
  }

  async findFile(organisationId: string, runId: string, fileId: string, kinds: readonly ReportKind[]): Promise<StoredReportFile | null> {
    const [row] = await this.dataSource.query<StoredReportFile[]>(
      `SELECT f.filename, f.format, f.content FROM report_files f JOIN report_runs r ON r.id = f.run_id
       WHERE f.id = $1 AND r.id = $2 AND r.organisation_id = $3 AND r.kind = ANY($4)`,
      [fileId, runId, organisationId, kinds],
    );
    return row ?? null;
  }

  /** The run the worker is asked to produce (null when it was deleted meanwhile). */
  async record(runId: string): Promise<ReportRunRecord | null> {
    const [row] = await this.dataSource.query<ReportRunRecordRow[]>('SELECT id, organisation_id, kind, period, status FROM report_runs WHERE id = $1', [runId]);
    return row ? { id: row.id, organisationId: row.organisation_id, kind: row.kind, period: row.period, status: row.status } : null;
  }

  async markRunning(runId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE report_runs SET status = 'running', progress = 0, attempts = attempts + 1, started_at = coalesce(started_at, now()), error = NULL WHERE id = $1`,
      [runId],
    );
  }

  async setProgress(runId: string, percent: number): Promise<void> {
    await this.dataSource.query('UPDATE report_runs SET progress = $2 WHERE id = $1', [runId, percent]);
  }

  /** The run's status, its row locked until the caller's transaction ends. */
  async lockStatus(db: Queryable, runId: string): Promise<ReportRunStatus> {
    const [locked] = await db.query<Array<{ status: ReportRunStatus }>>('SELECT status FROM report_runs WHERE id = $1 FOR UPDATE', [runId]);
    return locked.status;
  }

  /** The run's files replaced by these, and the run completed (in the caller's transaction). */
  async complete(db: Queryable, runId: string, files: readonly NewReportFile[]): Promise<void> {
    await db.query('DELETE FROM report_files WHERE run_id = $1', [runId]);
    for (const file of files) {
      await db.query('INSERT INTO report_files (run_id, format, locale, filename, content, size_bytes) VALUES ($1, $2, $3, $4, $5, $6)', [
        runId,
        file.format,
        file.locale,
        file.filename,
        file.content,
        file.content.length,
      ]);
    }
    await db.query(`UPDATE report_runs SET status = 'completed', progress = 100, finished_at = now(), error = NULL WHERE id = $1`, [runId]);
  }

  /** Records the error; `final` marks the run failed, otherwise it waits for its retry. A completed run stays so. */
  async fail(runId: string, message: string, final: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE report_runs SET error = $2, status = CASE WHEN $3 THEN 'failed' ELSE 'queued' END, finished_at = CASE WHEN $3 THEN now() END
       WHERE id = $1 AND status <> 'completed'`,
      [runId, message, final],
    );
  }

  /** The users a run's e-mail already went to. */
  async deliveredTo(runId: string): Promise<Set<string>> {
    const rows = await this.dataSource.query<Array<{ user_id: string }>>('SELECT user_id FROM report_deliveries WHERE run_id = $1', [runId]);
    return new Set(rows.map((row) => row.user_id));
  }

  async recordDelivery(runId: string, userId: string): Promise<void> {
    await this.dataSource.query('INSERT INTO report_deliveries (run_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [runId, userId]);
  }
}

function toReportRun(row: ReportRunRow): ReportRunResponse {
  return {
    id: row.id,
    kind: row.kind,
    period: row.period,
    generation: row.generation,
    trigger: row.trigger,
    requestedBy: row.requested_by ?? null,
    status: row.status,
    progress: row.progress,
    attempts: row.attempts,
    error: row.error ?? null,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at ? row.started_at.toISOString() : null,
    finishedAt: row.finished_at ? row.finished_at.toISOString() : null,
    files: row.files.map((f) => ({ ...f, locale: f.locale || null, createdAt: new Date(f.createdAt).toISOString() })),
  };
}
